package kubetutor.engine.container.sh;

import java.time.Duration;

/** Why a process handed control back to the engine. */
public sealed interface Step {
    /** The process waits for simulated time to pass; call resume() once it has. */
    record Sleep(Duration duration) implements Step {}

    /** The process ended with this status (137 after SIGKILL, 143 after a default SIGTERM). */
    record Exited(int code) implements Step {}

    /** An interactive shell finished a line and shows its prompt again. */
    record WaitingForInput() implements Step {}
}
