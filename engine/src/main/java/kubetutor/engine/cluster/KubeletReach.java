package kubetutor.engine.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubelet.Kubelet;

import java.util.Optional;

/**
 * Whether the API server can dial the kubelet of a pod's node, which logs, exec, attach and
 * port-forward go through. To a node that is switched off the dial fails as Go reports a machine
 * on the lab network that does not answer ARP. One answer for our kubectl and for {@code serve}.
 */
public final class KubeletReach {
    private KubeletReach() {}

    /** Go's dial error when the pod's node is off ("dial tcp IP:10250: connect: no route to host"). */
    public static Optional<String> dialFailure(Cluster cluster, JsonNode pod) {
        String node = pod.path("spec").path("nodeName").asText("");
        Kubelet kubelet = cluster.kubelets().get(node);
        if (kubelet == null || kubelet.machine().isRunning()) {
            return Optional.empty();
        }
        return Optional.of("dial tcp " + address(cluster, pod) + ":10250: connect: no route to host");
    }

    /** The API server's failed GET of the kubelet's containerLogs, with its URL (query keys sorted). */
    public static Optional<String> logsFailure(Cluster cluster, JsonNode pod, String container, String query) {
        return dialFailure(cluster, pod).map(f -> "Get \"https://" + address(cluster, pod) + ":10250/containerLogs/"
                + pod.path("metadata").path("namespace").asText() + "/" + pod.path("metadata").path("name").asText()
                + "/" + container + (query.isEmpty() ? "" : "?" + query) + "\": " + f);
    }

    /** The node's InternalIP, which a kubeadm API server prefers for reaching kubelets. */
    private static String address(Cluster cluster, JsonNode pod) {
        String nodeName = pod.path("spec").path("nodeName").asText("");
        JsonNode node = cluster.store().get(ResourceTypes.NODE, "", nodeName);
        if (node != null) {
            for (JsonNode a : node.path("status").path("addresses")) {
                if (a.path("type").asText().equals("InternalIP")) {
                    return a.path("address").asText();
                }
            }
        }
        return cluster.kubelets().get(nodeName).nodeIp();
    }
}
