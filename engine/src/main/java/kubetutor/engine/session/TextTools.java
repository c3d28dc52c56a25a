package kubetutor.engine.session;

import kubetutor.engine.container.sh.VirtualFs;
import kubetutor.engine.output.Sink;
import kubetutor.engine.workspace.Entry;
import kubetutor.engine.workspace.Workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

/**
 * The text tools typed at the session's prompt ({@code grep image pod.yaml}, {@code sort -k2 out.txt},
 * {@code tee}): the busybox applets containers run, given the workspace files their operands name
 * (copied onto a {@link Scratch} file system at the same paths), and what they wrote there (tee,
 * sed -i) copied back ({@link WrittenFiles}). One implementation for containers, pipes and the prompt.
 */
final class TextTools {
    static final Set<String> NAMES = Set.of("echo", "printf", "grep", "egrep", "awk", "sed", "sort", "uniq", "cut", "wc", "tr",
            "head", "tail", "tee");

    /** How many workspace files and directories one command may be given (a grep -r over a big tree). */
    private static final int MAX_FILES = 2000;

    private TextTools() {}

    /**
     * @param prefix the NAME=value words typed before the tool's name
     * @param files the workspace as this command reads it (the journal's record while replaying)
     * @param live  false while replaying a snapshot: nothing is written back
     */
    static int run(Session s, String name, List<String> args, Map<String, String> prefix, String stdin, Sink sink, Workspace files,
                   boolean live) {
        Map<String, String> env = new TreeMap<>(s.variables.all());
        env.putAll(prefix); // FOO=1 awk '...': awk's ENVIRON has it for this run only
        Scratch host = new Scratch(s.now(), env);
        VirtualFs fs = host.fs();
        String cwd = s.workDirShown();
        fs.mkdirs(cwd, s.now());
        int[] room = {MAX_FILES};
        for (String a : args) {
            if (!a.isEmpty() && !a.startsWith("-")) {
                copy(files, a, fs, cwd, s, room);
            }
        }
        if (name.equals("grep") && args.stream().anyMatch(a -> a.matches("-[A-Za-z]*[rR][A-Za-z]*"))) {
            copy(files, ".", fs, cwd, s, room); // grep -r with no directory named searches the working one
        }
        fs.write(Pipe.INPUT, stdin == null ? "" : stdin, s.now());
        StringBuilder script = new StringBuilder("cd ").append(Scratch.quote(cwd)).append(" && cat ").append(Pipe.INPUT).append(" | ")
                .append(name);
        args.forEach(a -> script.append(' ').append(Scratch.quote(a)));
        int status = Pipe.emit(host.sh(script.toString()), sink);
        List<String> command = new ArrayList<>(List.of(name));
        command.addAll(args);
        for (String a : live ? WrittenFiles.of(command) : List.<String>of()) {
            WrittenFiles.copyBack(s::resolve, fs, cwd, a);
        }
        return status;
    }

    /** A workspace file, or a directory with everything under it, onto the scratch file system. */
    private static void copy(Workspace files, String name, VirtualFs fs, String cwd, Session s, int[] room) {
        if (room[0] <= 0) {
            return;
        }
        String at = VirtualFs.resolve(cwd, name);
        Entry e = files.look(name);
        if (e instanceof Entry.File f) {
            room[0]--;
            fs.mkdirs(at.substring(0, Math.max(1, at.lastIndexOf('/'))), s.now());
            fs.write(at, f.text(), s.now());
        } else if (e instanceof Entry.Directory d) {
            room[0]--;
            fs.mkdirs(at, s.now());
            for (String child : d.names()) {
                copy(files, name.endsWith("/") ? name + child : name + "/" + child, fs, cwd, s, room);
            }
        }
    }
}
