package kubetutor.engine.container;

import kubetutor.engine.container.sh.ForwardingHost;

import java.util.function.Consumer;

/** A process inside a container whose output goes to kubectl (exec, exec -it), not to the log. */
final class TerminalHost extends ForwardingHost {
    private final Consumer<String> out;
    private final Consumer<String> err;

    TerminalHost(SimContainer container, Consumer<String> out) {
        this(container, out, out);
    }

    /** Standard output and error kept apart, as a non-tty exec streams them. */
    TerminalHost(SimContainer container, Consumer<String> out, Consumer<String> err) {
        super(container);
        this.out = out;
        this.err = err;
    }

    @Override
    public void stdout(String text) {
        out.accept(text);
    }

    @Override
    public void stderr(String text) {
        err.accept(text);
    }
}
