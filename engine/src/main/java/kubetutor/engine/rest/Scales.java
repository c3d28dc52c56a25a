package kubetutor.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.kubectl.printer.Selectors;

/** autoscaling/v1 Scale: a workload's replicas as its scale subresource shows them. */
final class Scales {
    private Scales() {}

    static ObjectNode of(ResourceType type, JsonNode workload) {
        ObjectNode s = Meta.JSON.objectNode();
        s.put("kind", "Scale");
        s.put("apiVersion", "autoscaling/v1");
        ObjectNode meta = s.putObject("metadata");
        JsonNode m = workload.path("metadata");
        meta.put("name", m.path("name").asText());
        if (type.namespaced()) {
            meta.put("namespace", m.path("namespace").asText());
        }
        meta.put("uid", m.path("uid").asText());
        meta.put("resourceVersion", m.path("resourceVersion").asText());
        meta.put("creationTimestamp", m.path("creationTimestamp").asText());
        s.putObject("spec").put("replicas", workload.path("spec").path("replicas").asLong());
        ObjectNode status = s.putObject("status");
        status.put("replicas", workload.path("status").path("replicas").asLong());
        String selector = selector(workload.path("spec").path("selector"));
        if (!selector.isEmpty()) {
            status.put("selector", selector);
        }
        return s;
    }

    /** The selector as a string, as the scale subresource gives it (a ReplicationController's is a plain map). */
    private static String selector(JsonNode selector) {
        if (selector.has("matchLabels") || selector.has("matchExpressions")) {
            return Selectors.labelSelector(selector);
        }
        String labels = Selectors.formatLabels(Meta.stringMap(selector));
        return labels.equals("<none>") ? "" : labels;
    }
}
