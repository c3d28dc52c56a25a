package kubetutor.engine.kubelet;

/**
 * The outcome of a one-shot command (an exec probe, {@code kubectl exec POD -- CMD}). When the
 * command outlived its timeout, {@code timedOut} is set and {@code exitCode} is -1.
 */
public record ExecResult(int exitCode, String stdout, String stderr, boolean timedOut) {

    /** What containerd relays when an exec's argv[0] cannot be started. */
    public static String notExecutable(String argv0) {
        return RuncErrors.execFailed(argv0) + "\n";
    }
}
