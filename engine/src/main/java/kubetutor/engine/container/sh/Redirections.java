package kubetutor.engine.container.sh;

import java.util.List;
import java.util.Map;

/** Applies {@code > >> < 2>&1 >/dev/null} to an Io, with ash's messages when a file cannot be used. */
final class Redirections {
    private Redirections() {}

    /** The redirected Io, or null after printing why a redirection failed (the command gets status 2). */
    static Io apply(List<Ast.Redir> redirs, Io io, Shell sh, Map<Ast.CmdSub, String> subs) {
        VirtualFs fs = sh.host.fs();
        for (Ast.Redir r : redirs) {
            String target = Expander.string(r.target(), sh, subs);
            if (r.op().equals(">&") || r.op().equals("<&")) {
                Io.Sink s = target.equals("-") ? Io.NULL : target.equals("2") ? io.err() : io.out();
                io = r.fd() == 2 ? io.withErr(s) : io.withOut(s);
                continue;
            }
            String path = sh.resolve(target);
            if (r.op().equals("<")) {
                if (path.equals("/dev/null")) {
                    io = io.withStdin("");
                } else if (fs.isFile(path)) {
                    io = io.withStdin(fs.read(path).orElse(""));
                } else {
                    io.err().write(sh.arg0 + ": can't open " + target + ": no such file\n");
                    return null;
                }
                continue;
            }
            Io.Sink sink;
            if (path.equals("/dev/null")) {
                sink = Io.NULL;
            } else if (path.equals("/dev/stdout")) {
                sink = io.out();
            } else if (path.equals("/dev/stderr")) {
                sink = io.err();
            } else {
                if (fs.isDirectory(path)) {
                    io.err().write(sh.arg0 + ": can't create " + target + ": Is a directory\n");
                    return null;
                }
                boolean ok = r.op().equals(">>") ? fs.append(path, "", sh.host.now()) : fs.write(path, "", sh.host.now());
                if (!ok) {
                    io.err().write(sh.arg0 + ": can't create " + target + ": nonexistent directory\n");
                    return null;
                }
                sink = Io.file(fs, path, sh.host::now);
            }
            io = r.fd() == 2 ? io.withErr(sink) : io.withOut(sink);
        }
        return io;
    }
}
