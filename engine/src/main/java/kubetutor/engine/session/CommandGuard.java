package kubetutor.engine.session;

import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.snapshot.Snapshot;
import kubetutor.engine.snapshot.SnapshotException;

/**
 * The engine's boundary around each command: whatever goes wrong inside it becomes one line of
 * error, the state goes back to where the command found it, and the session goes on; and no command
 * moves the clock further than {@link ClockSpan#MAX}.
 */
final class CommandGuard {
    private final Session session;

    CommandGuard(Session session) {
        this.session = session;
    }

    int execute(String text, Sink sink, Pacer pacer) {
        session.commandStart = session.snapshottable() ? session.snapshot() : null;
        ClockSpan span = new ClockSpan(pacer, session.now());
        try {
            int status = session.executeUnguarded(text, sink, span);
            if (span.reached()) {
                sink.emit(Output.Error.of("kubetutor stopped the command after " + ClockSpan.MAX.toDays()
                        + " days of simulated time (a command moves the clock at most that far)"));
            }
            return status;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            failed(e, sink);
            return 1;
        }
    }

    /** Reports a failure of kubetutor itself, and puts the state back to where the failing command found it. */
    private void failed(Throwable e, Sink sink) {
        Snapshot before = session.commandStart;
        session.commandStart = null; // the replay below may need the memory the failed command held
        boolean restored = false;
        try {
            if (before != null) {
                session.restore(before);
                restored = true;
            }
        } catch (SnapshotException | RuntimeException | StackOverflowError | OutOfMemoryError again) {
            restored = false;
        }
        sink.emit(Output.Error.of(InternalFailure.describe(e, "this command")
                + (restored ? "; the cluster is as it was before it" : "")));
        String debug = InternalFailure.debugText(e);
        if (!debug.isEmpty()) {
            sink.emit(Output.Error.of(debug));
        }
    }
}
