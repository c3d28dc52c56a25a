package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The seam between the kubelet and what a container does once started. The kubelet owns pulls,
 * restarts and status; the runtime owns the process: its command, its exit, how it takes SIGTERM.
 */
public interface ContainerRuntime {

    /** Starts a container's main process. The process reports its own exit through {@code exits}. */
    Process start(PodContext pod, JsonNode container, ExitListener exits);

    /** What the kubelet knows of the pod a container runs in. */
    record PodContext(String namespace, String podName, String nodeName, String podIp) {}

    @FunctionalInterface
    interface ExitListener {
        void exited(int exitCode);
    }

    /** A running main process. */
    interface Process {
        /**
         * SIGTERM. The process may stop at once (nginx) or ignore it (a shell as PID 1) until the
         * kubelet sends SIGKILL when the grace period ends.
         */
        void terminate();

        /** SIGKILL: the process ends now, exit code 137. */
        void kill();
    }
}
