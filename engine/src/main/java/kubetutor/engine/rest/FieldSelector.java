package kubetutor.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list's fieldSelector as the API server applies it: only the fields each kind indexes
 * (metadata.name and metadata.namespace for all), "=", "==" and "!=" terms joined by commas.
 */
record FieldSelector(List<Term> terms) {
    record Term(String field, String value, boolean equal) {}

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "pods", Set.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                    "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"),
            "events", Set.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                    "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                    "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"),
            "nodes", Set.of("spec.unschedulable"),
            "namespaces", Set.of("status.phase"),
            "secrets", Set.of("type"),
            "replicasets", Set.of("status.replicas"),
            "replicationcontrollers", Set.of("status.replicas"));

    static FieldSelector parse(ResourceType type, String text) {
        List<Term> terms = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return new FieldSelector(terms);
        }
        for (String part : text.split(",")) {
            boolean equal = !part.contains("!=");
            String[] kv = part.split(equal ? "==?" : "!=", 2);
            if (kv.length != 2) {
                throw new ApiException(ApiException.Reason.BadRequest, "invalid selector: '" + text
                        + "'; can't understand '" + part + "'");
            }
            String field = kv[0].trim();
            if (!field.equals("metadata.name") && !field.equals("metadata.namespace")
                    && !FIELDS.getOrDefault(type.plural(), Set.of()).contains(field)) {
                throw new ApiException(ApiException.Reason.BadRequest, "field label not supported: " + field);
            }
            terms.add(new Term(field, kv[1].trim(), equal));
        }
        return new FieldSelector(terms);
    }

    boolean matches(JsonNode obj) {
        for (Term t : terms) {
            if (value(obj, t.field()).equals(t.value()) != t.equal()) {
                return false;
            }
        }
        return true;
    }

    private static String value(JsonNode obj, String field) {
        if (field.equals("source")) {
            return obj.path("source").path("component").asText("");
        }
        JsonNode n = obj;
        for (String step : field.split("\\.")) {
            n = n.path(step);
        }
        if (field.equals("status.replicas") || field.equals("spec.unschedulable") || field.equals("spec.hostNetwork")) {
            return n.isMissingNode() ? (field.equals("status.replicas") ? "0" : "false") : n.asText();
        }
        return n.asText("");
    }
}
