package kubetutor.engine.container;

/**
 * A main process that waits without end: a shell whose standard input stays open ({@code stdin:
 * true}, as {@code kubectl run -it} sets), or an image that only holds a sandbox. SIGTERM is
 * ignored by a shell as PID 1; {@link #finish} ends it when its attached session exits.
 */
final class IdleMain extends MainProcess {
    private final boolean stopsOnTerm;

    IdleMain(SimContainer container, boolean stopsOnTerm) {
        super(container);
        this.stopsOnTerm = stopsOnTerm;
    }

    @Override
    void begin() {
    }

    /** A shell on open standard input (not a sandbox holder, which stops on SIGTERM). */
    boolean readsStdin() {
        return !stopsOnTerm;
    }

    void finish(int code) {
        end(code);
    }

    @Override
    public void terminate() {
        if (stopsOnTerm) {
            end(0);
        }
    }

    @Override
    public void kill() {
        end(137);
    }

    @Override
    void stopped() {
    }
}
