package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pod's QoS class: status.qosClass, or computed from requests and limits as the kubelet does. */
final class QosClass {
    private static final List<String> COMPUTE = List.of("cpu", "memory");

    private QosClass() {}

    static String of(JsonNode pod) {
        String recorded = pod.path("status").path("qosClass").asText("");
        if (!recorded.isEmpty()) {
            return recorded;
        }
        Map<String, Quantity> requests = new HashMap<>();
        Map<String, Quantity> limits = new HashMap<>();
        boolean guaranteed = true;
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode c : pod.path("spec").path(list)) {
                add(requests, c.path("resources").path("requests"));
                Set<String> found = add(limits, c.path("resources").path("limits"));
                if (!found.containsAll(COMPUTE)) {
                    guaranteed = false;
                }
            }
        }
        if (requests.isEmpty() && limits.isEmpty()) {
            return "BestEffort";
        }
        if (guaranteed) {
            for (Map.Entry<String, Quantity> r : requests.entrySet()) {
                Quantity l = limits.get(r.getKey());
                if (l == null || l.value().compareTo(r.getValue().value()) != 0) {
                    guaranteed = false;
                }
            }
        }
        return guaranteed && requests.size() == limits.size() ? "Guaranteed" : "Burstable";
    }

    private static Set<String> add(Map<String, Quantity> sums, JsonNode resources) {
        Set<String> found = new HashSet<>();
        for (String name : COMPUTE) {
            Quantity q = Quantity.parse(resources.path(name).asText(""));
            if (!q.isZero()) {
                found.add(name);
                sums.merge(name, q, Quantity::plus);
            }
        }
        return found;
    }
}
