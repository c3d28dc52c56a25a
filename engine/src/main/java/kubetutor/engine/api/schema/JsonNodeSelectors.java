package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/** Label selector matching for validation: a LabelSelector or an RC's plain map; null matches nothing. */
final class JsonNodeSelectors {
    /** An empty selector: matches every label set. */
    static final JsonNode EVERYTHING = JsonNodeFactory.instance.objectNode();

    private JsonNodeSelectors() {}

    static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector == null) {
            return false;
        }
        boolean structured = selector.has("matchLabels") || selector.has("matchExpressions");
        JsonNode equalities = structured ? selector.path("matchLabels") : selector;
        var it = equalities.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!labels.has(e.getKey()) || !labels.get(e.getKey()).asText().equals(e.getValue().asText())) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            List<String> values = new ArrayList<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            boolean has = labels.has(key);
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> has && values.contains(labels.get(key).asText());
                case "NotIn" -> !has || !values.contains(labels.get(key).asText());
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
