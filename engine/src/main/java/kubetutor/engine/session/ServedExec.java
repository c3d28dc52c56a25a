package kubetutor.engine.session;

import kubetutor.engine.rest.ExecSession;
import kubetutor.engine.rest.RestRequest;
import kubetutor.engine.snapshot.JournalStep;
import kubetutor.engine.snapshot.Snapshot;
import kubetutor.engine.snapshot.SnapshotException;

/**
 * One pods/exec stream of {@code serve} into the session's cluster. What the client sends is handed
 * to the command as it arrives and journaled with it, at the simulated time it arrived, so a
 * snapshot replays what the exec did (a file written, a process killed, a sleep the clock waited
 * for). Touched on the engine's thread only, as the session is.
 */
public final class ServedExec {
    private final Session session;
    private final StreamTable table;
    private final int stream;
    private final ExecSession exec;
    private final ExecSession.Sink sink;
    private boolean ended;

    private ServedExec(Session session, StreamTable table, int stream, ExecSession exec, ExecSession.Sink sink) {
        this.session = session;
        this.table = table;
        this.stream = stream;
        this.exec = exec;
        this.sink = sink;
    }

    /** Starts {@code r}'s command; throws the API's (or the kubelet's) error when it cannot, and nothing is journaled. */
    static ServedExec open(Session session, RestRequest r, ExecSession.Sink sink) {
        ExecSession[] started = new ExecSession[1];
        StreamTable table = session.streams;
        int[] stream = new int[1];
        guarded(session, () -> {
            started[0] = ExecSession.start(session.cluster(), r, sink);
            stream[0] = table.add(started[0]);
            return new JournalStep.ExecOpen(stream[0], r.path(), r.query());
        });
        return new ServedExec(session, table, stream[0], started[0], sink);
    }

    /** Bytes the client typed or piped in. */
    public void input(String text) {
        step(() -> {
            exec.input(text);
            return new JournalStep.ExecInput(stream, text);
        });
    }

    /** The client's standard input ended (v5's close signal). */
    public void inputClosed() {
        step(() -> {
            exec.inputClosed();
            return new JournalStep.ExecEnd(stream, false);
        });
    }

    /** The client went away: what still runs stops. */
    public void hangUp() {
        step(() -> {
            exec.cancel();
            table.remove(stream);
            return new JournalStep.ExecEnd(stream, true);
        });
        ended = true;
    }

    private void step(java.util.function.Supplier<JournalStep> work) {
        if (ended) {
            return;
        }
        if (session.streams != table) {
            // reset or load replaced the cluster this command ran in: for the client, its container is gone
            ended = true;
            exec.cancel();
            sink.exited(137);
            return;
        }
        try {
            guarded(session, work);
        } catch (Failed e) {
            ended = true;
            sink.stderr(e.getMessage() + "\n");
            sink.exited(1);
        }
    }

    /**
     * Runs one change of a stream as the engine's boundary runs a command: journaled when it went
     * through; when kubetutor itself fails, the cluster goes back to where it was and the failure
     * is thrown in words.
     */
    private static void guarded(Session session, java.util.function.Supplier<JournalStep> work) {
        Snapshot before = session.snapshottable() ? session.snapshot() : null;
        try {
            session.journal.fromOutside(work.get(), session.now());
        } catch (kubetutor.engine.api.ApiException | kubetutor.engine.rest.StreamTarget.KubeletRefusal e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            try {
                if (before != null) {
                    session.restore(before);
                }
            } catch (SnapshotException | RuntimeException again) {
                // the failure below is what the client hears about
            }
            throw new Failed(InternalFailure.describe(e, "this stream"));
        }
    }

    /** kubetutor itself failed on a stream; the message says so in the words a command's failure has. */
    public static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }
}
