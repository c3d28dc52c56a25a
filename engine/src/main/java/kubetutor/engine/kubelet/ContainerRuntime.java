package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The seam between the kubelet and what a container does once started. The kubelet owns pulls,
 * restarts, probes and status; the runtime owns the process (its command, its exit, how it takes
 * SIGTERM), the container's logs, and the network a probe or a client reaches.
 */
public interface ContainerRuntime {

    /**
     * Starts a container's main process. The process reports its own exit through {@code exits},
     * never from inside this call.
     */
    Process start(PodContext pod, JsonNode container, String containerId, ExitListener exits) throws StartError;

    /** The container was created but its process could not start (CRI StartContainer failed). */
    final class StartError extends Exception {
        /** @param message containerd's, as the kubelet shows it (see {@link RuncErrors#startFailed}) */
        public StartError(String message) {
            super(message);
        }
    }

    /**
     * What the kubelet knows of the pod a container runs in.
     *
     * @param podSpec the pod's spec: its hostname, subdomain, hostAliases, dnsPolicy and dnsConfig
     *                shape the files the kubelet writes into each container
     */
    record PodContext(String namespace, String podName, String podUid, String nodeName, String podIp, JsonNode podSpec) {
        /** The pod's host name: spec.hostname, else its name (cut to 63 characters, as the kubelet cuts it). */
        public String hostname() {
            String h = podSpec.path("hostname").asText("");
            if (!h.isEmpty()) {
                return h;
            }
            if (podName.length() <= 63) {
                return podName;
            }
            return podName.substring(0, 63).replaceAll("[-.]+$", "");
        }
    }

    @FunctionalInterface
    interface ExitListener {
        /** @param reason the runtime's reason ("OOMKilled"), or null for the kubelet's own (Completed, Error) */
        void exited(int exitCode, String reason);
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

        /** Runs a command inside the container to its end (an exec probe, {@code kubectl exec}). */
        default ExecResult exec(List<String> argv, Duration timeout) {
            return new ExecResult(0, "", "", false);
        }
    }

    /** One line a container wrote, with the time the runtime received it. */
    record LogLine(Instant time, boolean stderr, String text) {}

    /** The log of a container (current or exited) by its containerID; empty once the pod is gone. */
    default Optional<List<LogLine>> logs(String containerId) {
        return Optional.empty();
    }

    /** An HTTP GET on the pod network, as a probe or a client sends it. */
    default HttpResult httpGet(String ip, int port, String path, String userAgent) {
        return HttpResult.refused(ip);
    }

    /** Whether something accepts TCP connections at ip:port. */
    default boolean tcpOpen(String ip, int port) {
        return false;
    }

    /** Runs a command in a running container ({@code kubectl exec}); empty when it is not running. */
    default Optional<ExecResult> exec(String containerId, List<String> argv, Duration timeout) {
        return Optional.empty();
    }

    /** The attached terminal of a container started with {@code stdin: true} closed: its shell exits. */
    default void stdinClosed(String containerId, int exitCode) {}

    /** {@code kubectl port-forward}: the learner's localhost:localPort reaches podIp:port. */
    default void forward(int localPort, String podIp, int port) {}

    /** The port-forward listening on localPort ended (kubectl port-forward stopped with Ctrl-C). */
    default void stopForward(int localPort) {}

    /** A GET to the learner's localhost:localPort, when a port-forward listens there. */
    default Optional<HttpResult> viaForward(int localPort, String path, String userAgent) {
        return Optional.empty();
    }

    /** The pod is gone: its containers' logs and file systems go too. */
    default void removePod(String podUid) {}
}
