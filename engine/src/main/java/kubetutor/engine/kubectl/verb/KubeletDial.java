package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubelet.Kubelet;

/**
 * The API server's connection to the kubelet of a pod's node, which logs, exec, attach and
 * port-forward go through. To a node that is switched off the dial fails as Go reports a machine
 * on the lab network that does not answer ARP: "connect: no route to host". Each command wraps
 * that error its own way, as the API server and kubectl do.
 */
final class KubeletDial {
    private KubeletDial() {}

    /** exec and attach: the API server's proxy fails to dial, kubectl shows its Status. */
    static void forStream(Invocation inv, JsonNode pod) {
        String failure = failure(inv, pod);
        if (failure != null) {
            throw new ApiException(ApiException.Reason.Unknown, "error dialing backend: " + failure);
        }
    }

    /** logs: the API server's GET of the kubelet's containerLogs fails, with its URL (query keys sorted). */
    static void forLogs(Invocation inv, JsonNode pod, String container, String query) {
        String failure = failure(inv, pod);
        if (failure != null) {
            throw new ApiException(ApiException.Reason.Unknown, "Get \"https://" + address(inv, pod) + ":10250/containerLogs/"
                    + Meta.namespace(pod) + "/" + Meta.name(pod) + "/" + container + (query.isEmpty() ? "" : "?" + query)
                    + "\": " + failure);
        }
    }

    /** port-forward: client-go's port forwarder wraps the failed upgrade itself. */
    static void forPortForward(Invocation inv, JsonNode pod) {
        String failure = failure(inv, pod);
        if (failure != null) {
            throw new UsageException("error: error upgrading connection: error dialing backend: " + failure);
        }
    }

    private static String failure(Invocation inv, JsonNode pod) {
        String node = pod.path("spec").path("nodeName").asText("");
        Kubelet kubelet = inv.cluster().kubelets().get(node);
        if (kubelet == null || kubelet.machine().isRunning()) {
            return null;
        }
        String ip = address(inv, pod);
        return "dial tcp " + ip + ":10250: connect: no route to host";
    }

    /** The node's InternalIP, which a kubeadm API server prefers for reaching kubelets. */
    private static String address(Invocation inv, JsonNode pod) {
        JsonNode node = inv.cluster().store().get(ResourceTypes.NODE, "", pod.path("spec").path("nodeName").asText(""));
        if (node != null) {
            for (JsonNode a : node.path("status").path("addresses")) {
                if (a.path("type").asText().equals("InternalIP")) {
                    return a.path("address").asText();
                }
            }
        }
        return inv.cluster().kubelets().get(pod.path("spec").path("nodeName").asText("")).nodeIp();
    }
}
