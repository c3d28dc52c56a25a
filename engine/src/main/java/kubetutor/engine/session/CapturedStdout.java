package kubetutor.engine.session;

import kubetutor.engine.output.Output;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.output.Sink;

/**
 * Standard output kept as the plain text kubectl would print, standard error passed straight on:
 * what {@code > file}, {@code | filter} and {@code $(...)} each do with a command's outputs.
 */
class CapturedStdout implements Sink {
    private final Sink errors;
    private final StringBuilder text = new StringBuilder();

    CapturedStdout(Sink errors) {
        this.errors = errors;
    }

    @Override
    public final void emit(Output output) {
        if (output instanceof Output.Error) {
            errors.emit(output);
        } else {
            text.append(PlainText.render(output));
        }
    }

    final String text() {
        return text.toString();
    }
}
