package kubetutor.engine.session;

import kubetutor.engine.output.Output;
import kubetutor.engine.output.PlainText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** {@code > file}: standard output goes to a workspace file; standard error still reaches the user. */
final class Redirect implements Sink {
    private final Path file;
    private final boolean append;
    private final Sink errors;
    private final StringBuilder text = new StringBuilder();

    Redirect(Path file, boolean append, Sink errors) {
        this.file = file;
        this.append = append;
        this.errors = errors;
    }

    @Override
    public void emit(Output output) {
        if (output instanceof Output.Error) {
            errors.emit(output);
        } else {
            text.append(PlainText.render(output));
        }
    }

    void close() {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (append) {
                Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text);
            }
        } catch (IOException e) {
            errors.emit(Output.Error.of("sh: can't create " + file.getFileName() + ": " + e.getMessage()));
        }
    }
}
