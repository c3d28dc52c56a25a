package kubetutor.engine.kubelet;

/**
 * How runc says argv[0] cannot be started, as containerd relays it. Go's exec.LookPath searches
 * $PATH for a bare name ("executable file not found in $PATH") and stats a path ("stat ...: no such
 * file or directory"). A container's own process fails while its task is created (CRI
 * StartContainer); an exec'd one fails in the exec call.
 */
public final class RuncErrors {
    private RuncErrors() {}

    /** The message of a container that could not start: its StartError, and the kubelet's Failed event after "Error: ". */
    public static String startFailed(String argv0) {
        return "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: "
                + "unable to start container process: " + notFound(argv0) + ": unknown";
    }

    static String execFailed(String argv0) {
        return "OCI runtime exec failed: exec failed: unable to start container process: " + notFound(argv0) + ": unknown";
    }

    private static String notFound(String argv0) {
        String why = argv0.contains("/") ? "stat " + argv0 + ": no such file or directory"
                : "executable file not found in $PATH";
        return "exec: \"" + argv0 + "\": " + why;
    }
}
