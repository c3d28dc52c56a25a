package kubetutor.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.cluster.KubeletReach;
import kubetutor.engine.kubelet.ContainerRuntime.LogLine;
import kubetutor.engine.kubelet.LogSource;

import java.util.ArrayList;
import java.util.List;

/**
 * GET pods/NAME/log: what the kubelet has of a container's output ({@link LogFollower} keeps a
 * {@code follow} open).
 */
final class PodLogs {
    private PodLogs() {}

    static RestResponse read(Cluster cluster, ObjectNode pod, RestRequest r) {
        List<LogLine> lines = cluster.runtime().logs(containerId(cluster, pod, r)).orElse(List.of());
        int tail = r.param("tailLines") == null ? -1 : Integer.parseInt(r.param("tailLines"));
        int from = tail < 0 ? 0 : Math.max(0, lines.size() - tail);
        return RestResponse.text(200, format(lines, from, r.flag("timestamps")));
    }

    /** The lines from {@code from} on, as the kubelet sends them (timestamped if asked). */
    static String format(List<LogLine> lines, int from, boolean timestamps) {
        StringBuilder sb = new StringBuilder();
        for (LogLine l : lines.subList(from, lines.size())) {
            if (timestamps) {
                sb.append(l.time()).append(' ');
            }
            sb.append(l.text()).append('\n');
        }
        return sb.toString();
    }

    /**
     * The container whose log {@code r} asks for; the API's error when there is none to read: a
     * container the pod lacks (the API server's check), the node's kubelet out of reach, or the
     * kubelet's own refusal (no such instance to read).
     */
    static String containerId(Cluster cluster, ObjectNode pod, RestRequest r) {
        String podName = pod.path("metadata").path("name").asText();
        List<String> names = new ArrayList<>();
        pod.path("spec").path("containers").forEach(c -> names.add(c.path("name").asText()));
        String container = r.param("container");
        if (container == null || container.isEmpty()) {
            if (names.size() != 1) {
                throw new ApiException(ApiException.Reason.BadRequest, "a container name must be specified for pod "
                        + podName + ", choose one of: [" + String.join(" ", names) + "]");
            }
            container = names.get(0);
        }
        JsonNode status = null;
        boolean known = names.contains(container);
        for (JsonNode s : pod.path("status").path("containerStatuses")) {
            if (s.path("name").asText().equals(container)) {
                status = s;
            }
        }
        if (!known) {
            throw new ApiException(ApiException.Reason.BadRequest, "container " + container + " is not valid for pod " + podName);
        }
        String failure = KubeletReach.logsFailure(cluster, pod, container, kubeletQuery(r)).orElse(null);
        if (failure != null) {
            throw new ApiException(ApiException.Reason.Unknown, failure);
        }
        return LogSource.containerId(status, podName, container, r.flag("previous"));
    }

    /** What the API server asks the kubelet (url.Values.Encode: keys sorted). */
    private static String kubeletQuery(RestRequest r) {
        List<String> params = new ArrayList<>();
        for (String key : List.of("follow", "previous", "tailLines", "timestamps")) {
            if (key.equals("tailLines") ? r.param(key) != null : r.flag(key)) {
                params.add(key + "=" + (key.equals("tailLines") ? r.param(key) : "true"));
            }
        }
        return String.join("&", params);
    }
}
