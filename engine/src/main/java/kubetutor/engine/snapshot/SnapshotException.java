package kubetutor.engine.snapshot;

/** A snapshot that cannot be read or does not replay; the message is the one line the learner sees. */
public final class SnapshotException extends Exception {
    public SnapshotException(String message) {
        super(message);
    }
}
