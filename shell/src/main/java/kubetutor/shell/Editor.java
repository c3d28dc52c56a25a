package kubetutor.shell;

import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;
import kubetutor.engine.session.Session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code vi}, {@code vim}, {@code nano} and {@code edit FILE}: the lessons' "edit this manifest"
 * steps open the learner's own editor ($VISUAL, else $EDITOR) on the workspace file, whichever of
 * the four names they type.
 */
final class Editor {
    private final Session session;
    private final Console console;
    private final String editorCommand;

    /** @param editorCommand the editor to start, as $EDITOR gives it (may hold arguments), or null */
    Editor(Session session, Console console, String editorCommand) {
        this.session = session;
        this.console = console;
        this.editorCommand = editorCommand == null || editorCommand.isBlank() ? null : editorCommand.strip();
    }

    static String fromEnvironment() {
        String visual = System.getenv("VISUAL");
        return visual != null && !visual.isBlank() ? visual : System.getenv("EDITOR");
    }

    void edit(String name, List<String> args, Sink sink) {
        if (args.size() != 1) {
            sink.emit(Output.Error.of("usage: " + name + " FILE"));
            return;
        }
        if (editorCommand == null) {
            sink.emit(Output.Error.of(name + ": no editor is set. Set EDITOR before starting kubetutor (for example"
                    + " 'export EDITOR=nano'),\nor write the file with a here-document: cat > " + args.get(0) + " <<EOF"));
            return;
        }
        Path file = session.resolve(args.get(0));
        if (file == null) {
            sink.emit(Output.Error.of(name + ": " + args.get(0) + ": No such file or directory"));
            return;
        }
        List<String> command = new ArrayList<>(Arrays.asList(editorCommand.split("\\s+")));
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
