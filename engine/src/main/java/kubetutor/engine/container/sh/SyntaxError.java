package kubetutor.engine.container.sh;

/** A parse failure, worded as busybox ash words it (after "sh: "). */
final class SyntaxError extends RuntimeException {
    /** True when more input could complete the script (an interactive shell then prompts "> "). */
    final boolean atEof;

    SyntaxError(String message, boolean atEof) {
        super(message);
        this.atEof = atEof;
    }
}
