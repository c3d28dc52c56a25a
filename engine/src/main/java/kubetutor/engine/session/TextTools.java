package kubetutor.engine.session;

import kubetutor.engine.container.sh.VirtualFs;
import kubetutor.engine.output.Sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The text tools typed at the session's prompt ({@code grep image pod.yaml}, {@code sort -k2 out.txt},
 * {@code tee}): the busybox applets containers run, given the workspace files their operands name
 * (copied onto a {@link Scratch} file system at the same paths), and what they wrote there (tee,
 * sed -i) copied back ({@link WrittenFiles}). One implementation for containers, pipes and the prompt.
 */
final class TextTools {
    static final Set<String> NAMES = Set.of("echo", "printf", "grep", "egrep", "awk", "sed", "sort", "uniq", "cut", "wc", "tr", "head", "tail", "tee");

    private TextTools() {}

    static int run(Session s, String name, List<String> args, String stdin, Sink sink) {
        Scratch host = new Scratch(s.now(), s.variables.all());
        VirtualFs fs = host.fs();
        String cwd = s.workDirShown();
        fs.mkdirs(cwd, s.now());
        for (String a : args) {
            Path p = a.isEmpty() ? null : s.resolve(a);
            if (p != null && Files.isRegularFile(p)) {
                String at = VirtualFs.resolve(cwd, a);
                try {
                    String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                    fs.mkdirs(at.substring(0, Math.max(1, at.lastIndexOf('/'))), s.now());
                    fs.write(at, text, s.now());
                } catch (IOException e) {
                    // unreadable: the tool finds nothing there and says so
                }
            }
        }
        fs.write(Pipe.INPUT, stdin == null ? "" : stdin, s.now());
        StringBuilder script = new StringBuilder("cd ").append(Scratch.quote(cwd)).append(" && cat ").append(Pipe.INPUT).append(" | ")
                .append(name);
        args.forEach(a -> script.append(' ').append(Scratch.quote(a)));
        int status = Pipe.emit(host.sh(script.toString()), sink);
        List<String> command = new java.util.ArrayList<>(List.of(name));
        command.addAll(args);
        for (String a : WrittenFiles.of(command)) {
            WrittenFiles.copyBack(s::resolve, fs, cwd, a);
        }
        return status;
    }
}
