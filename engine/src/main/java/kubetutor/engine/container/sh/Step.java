package kubetutor.engine.container.sh;

import java.time.Duration;

/** Why a process handed control back to the engine. */
public sealed interface Step {
    /**
     * The process waits for simulated time to pass; call resume() once it has.
     *
     * @param busy whether it did not ask to wait but used up its steps (a busy loop yielding its slice)
     */
    record Sleep(Duration duration, boolean busy) implements Step {
        public Sleep(Duration duration) {
            this(duration, false);
        }
    }

    /** The process ended with this status (137 after SIGKILL, 143 after a default SIGTERM). */
    record Exited(int code) implements Step {}

    /** An interactive shell finished a line and shows its prompt again. */
    record WaitingForInput() implements Step {}
}
