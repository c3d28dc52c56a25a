package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import kubetutor.engine.api.ResourceQuantity;
import java.util.List;

/** The pod's QoS class from its containers' cpu and memory requests and limits (pkg/apis/core/helper/qos). */
final class QosClass {
    private static final List<String> RESOURCES = List.of("cpu", "memory");

    private QosClass() {}

    static String of(JsonNode spec) {
        boolean any = false;
        boolean guaranteed = true;
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode c : spec.path(list)) {
                JsonNode requests = c.path("resources").path("requests");
                JsonNode limits = c.path("resources").path("limits");
                for (String r : RESOURCES) {
                    boolean hasRequest = requests.has(r) && !isZero(requests.get(r));
                    boolean hasLimit = limits.has(r) && !isZero(limits.get(r));
                    any |= hasRequest || hasLimit;
                    if (!hasLimit || !hasRequest || quantity(requests.get(r)).compareTo(quantity(limits.get(r))) != 0) {
                        guaranteed = false;
                    }
                }
            }
        }
        if (!any) {
            return "BestEffort";
        }
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    private static boolean isZero(JsonNode q) {
        return quantity(q).signum() == 0;
    }

    static BigDecimal quantity(JsonNode node) {
        return ResourceQuantity.parseOrZero(node.asText().trim()).amount();
    }
}
