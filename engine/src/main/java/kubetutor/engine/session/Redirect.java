package kubetutor.engine.session;

import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** {@code > file}: standard output goes to a workspace file; standard error still reaches the user. */
final class Redirect extends CapturedStdout {
    /** The one device a learner redirects to: {@code cmd > /dev/null}. */
    static final String DEV_NULL = "/dev/null";
    private final Path file;
    /** The file as the command named it, for messages. */
    private final String shown;
    private final boolean append;
    private final Sink errors;

    Redirect(Path file, String shown, boolean append, Sink errors) {
        super(errors);
        this.file = file;
        this.shown = shown;
        this.append = append;
        this.errors = errors;
    }

    /**
     * sh's refusal to open {@code target} for a redirect, or null: a redirect creates the file,
     * never the directories on its way, and a command whose redirect fails does not run.
     */
    static String problem(Path target, String shown) {
        if (shown.equals(DEV_NULL)) {
            return null;
        }
        if (target == null) {
            return "sh: can't create " + shown + ": nonexistent directory"; // through a link out of the workspace
        }
        Path dir = target.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            return "sh: can't create " + shown + ": nonexistent directory";
        }
        if (Files.isDirectory(target)) {
            return "sh: can't create " + shown + ": Is a directory";
        }
        return null;
    }

    void close() {
        if (shown.equals(DEV_NULL)) {
            return; // what goes to /dev/null goes nowhere; the workspace has no /dev to write in
        }
        String problem = problem(file, shown);
        if (problem != null) {
            errors.emit(Output.Error.of(problem)); // a redirect inside $(...) is checked only now
            return;
        }
        try {
            if (append) {
                Files.writeString(file, text(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text());
            }
        } catch (IOException e) {
            errors.emit(Output.Error.of("sh: can't create " + shown + ": " + e.getMessage()));
        }
    }
}
