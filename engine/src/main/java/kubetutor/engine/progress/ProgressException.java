package kubetutor.engine.progress;

/** A progress file that cannot be read or written; the message says why, in one line. */
public final class ProgressException extends Exception {
    public ProgressException(String message) {
        super(message);
    }
}
