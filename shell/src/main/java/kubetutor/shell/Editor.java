package kubetutor.shell;

import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;
import kubetutor.engine.session.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * {@code vi}, {@code vim}, {@code nano} and {@code edit FILE}: the lessons' "edit this manifest"
 * steps open the learner's own editor ($VISUAL, else $EDITOR) on the workspace file, whichever of
 * the four names they type. With neither set, the name typed is looked up on the host's PATH (then
 * vi, for edit), as a terminal would run it: the course types {@code vim ~/.kube/config}. The file
 * is always one of the workspace's ({@code ~} is the tutor's home, never the host's).
 */
final class Editor {
    private final Session session;
    private final Console console;
    private final String editorCommand;
    private final Function<String, Path> onPath;

    /** @param editorCommand the editor to start, as $EDITOR gives it (may hold arguments), or null */
    Editor(Session session, Console console, String editorCommand) {
        this(session, console, editorCommand, name -> find(name, System.getenv("PATH")));
    }

    /** @param onPath where a program of that name is on the host's PATH, or null */
    Editor(Session session, Console console, String editorCommand, Function<String, Path> onPath) {
        this.session = session;
        this.console = console;
        this.editorCommand = editorCommand == null || editorCommand.isBlank() ? null : editorCommand.strip();
        this.onPath = onPath;
    }

    /** The executable {@code name} in the directories of {@code path}, or null. */
    static Path find(String name, String path) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = dir.isEmpty() ? null : Path.of(dir, name);
            if (p != null && Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** The editor to run for the name typed: $VISUAL/$EDITOR's, else the program of that name, else vi. */
    private List<String> command(String name) {
        if (editorCommand != null) {
            return new ArrayList<>(Arrays.asList(editorCommand.split("\\s+")));
        }
        for (String candidate : name.equals("edit") ? List.of("vi") : List.of(name, "vi")) {
            Path p = onPath.apply(candidate);
            if (p != null) {
                return new ArrayList<>(List.of(p.toString()));
            }
        }
        return null;
    }

    static String fromEnvironment() {
        String visual = System.getenv("VISUAL");
        return visual != null && !visual.isBlank() ? visual : System.getenv("EDITOR");
    }

    void edit(String name, List<String> typed, Sink sink) {
        List<String> args = session.expand(typed);
        if (args.size() != 1) {
            sink.emit(Output.Error.of("usage: " + name + " FILE"));
            return;
        }
        List<String> command = command(name);
        if (command == null) {
            sink.emit(Output.Error.of(name + ": no editor is set and none is installed. Set EDITOR before starting kubetutor"
                    + " (for example 'export EDITOR=nano'),\nor write the file with a here-document: cat > " + args.get(0) + " <<EOF"));
            return;
        }
        Path file = session.resolve(args.get(0));
        if (file == null) {
            sink.emit(Output.Error.of(name + ": " + args.get(0) + ": No such file or directory"));
            return;
        }
        command.add(file.toString());
        try {
            int status = console.runExternal(command, session.workDir());
            if (status != 0) {
                sink.emit(Output.Error.of(name + ": " + command.get(0) + " exited with status " + status));
            }
        } catch (IOException e) {
            sink.emit(Output.Error.of(name + ": cannot start " + command.get(0) + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
