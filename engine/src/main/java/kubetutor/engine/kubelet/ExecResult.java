package kubetutor.engine.kubelet;

/**
 * The outcome of a one-shot command (an exec probe, {@code kubectl exec POD -- CMD}). When the
 * command outlived its timeout, {@code timedOut} is set and {@code exitCode} is -1.
 */
public record ExecResult(int exitCode, String stdout, String stderr, boolean timedOut) {

    /**
     * What runc says when argv[0] cannot be started, as containerd relays an exec's failure: Go's
     * exec.LookPath searches $PATH for a bare name, and stats a path (hence "stat ...: no such file").
     */
    public static String notExecutable(String argv0) {
        String why = argv0.contains("/") ? "stat " + argv0 + ": no such file or directory"
                : "executable file not found in $PATH";
        return "OCI runtime exec failed: exec failed: unable to start container process: exec: \"" + argv0 + "\": "
                + why + ": unknown\n";
    }
}
