package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.cluster.KubeletReach;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Invocation;

/**
 * How each command shows the API server's failure to reach a pod's kubelet ({@link KubeletReach}):
 * each wraps that error its own way, as the API server and kubectl do.
 */
final class KubeletDial {
    private KubeletDial() {}

    /** exec and attach: the API server's proxy fails to dial, kubectl shows its Status. */
    static void forStream(Invocation inv, JsonNode pod) {
        KubeletReach.dialFailure(inv.cluster(), pod).ifPresent(f -> {
            throw new ApiException(ApiException.Reason.Unknown, "error dialing backend: " + f);
        });
    }

    /** logs: the API server's GET of the kubelet's containerLogs fails. */
    static void forLogs(Invocation inv, JsonNode pod, String container, String query) {
        KubeletReach.logsFailure(inv.cluster(), pod, container, query).ifPresent(f -> {
            throw new ApiException(ApiException.Reason.Unknown, f);
        });
    }

    /** port-forward: client-go's port forwarder wraps the failed upgrade itself. */
    static void forPortForward(Invocation inv, JsonNode pod) {
        KubeletReach.dialFailure(inv.cluster(), pod).ifPresent(f -> {
            throw new UsageException("error: error upgrading connection: error dialing backend: " + f);
        });
    }
}
