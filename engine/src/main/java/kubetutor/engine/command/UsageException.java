package kubetutor.engine.command;

/**
 * A mistake on the command line, reported as kubectl reports it: {@code message} is the whole text
 * for standard error (without the final newline), and the exit status is kubectl's.
 */
public final class UsageException extends RuntimeException {
    private final int exitCode;

    public UsageException(String message) {
        this(message, 1);
    }

    public UsageException(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
