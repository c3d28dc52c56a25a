package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Go's %#v rendering of the values validation errors quote (maps print with sorted keys). */
final class GoValues {
    private GoValues() {}

    static FieldError.GoSyntax stringMap(JsonNode map) {
        return new FieldError.GoSyntax(mapText(map));
    }

    static FieldError.GoSyntax labelSelector(JsonNode selector) {
        StringBuilder sb = new StringBuilder("v1.LabelSelector{MatchLabels:").append(mapText(selector.path("matchLabels")));
        sb.append(", MatchExpressions:");
        JsonNode exprs = selector.path("matchExpressions");
        if (!exprs.isArray() || exprs.isEmpty()) {
            sb.append("[]v1.LabelSelectorRequirement(nil)");
        } else {
            List<String> items = new ArrayList<>();
            for (JsonNode e : exprs) {
                items.add("v1.LabelSelectorRequirement{Key:" + FieldError.quote(e.path("key").asText()) + ", Operator:"
                        + FieldError.quote(e.path("operator").asText()) + ", Values:" + stringSlice(e.path("values")) + "}");
            }
            sb.append("[]v1.LabelSelectorRequirement{").append(String.join(", ", items)).append('}');
        }
        return new FieldError.GoSyntax(sb.append('}').toString());
    }

    private static String mapText(JsonNode map) {
        if (!map.isObject()) {
            return "map[string]string(nil)";
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : Validator.toMap(map).entrySet()) {
            pairs.add(FieldError.quote(e.getKey()) + ":" + FieldError.quote(e.getValue()));
        }
        return "map[string]string{" + String.join(", ", pairs) + "}";
    }

    private static String stringSlice(JsonNode values) {
        if (!values.isArray()) {
            return "[]string(nil)";
        }
        List<String> items = new ArrayList<>();
        values.forEach(v -> items.add(FieldError.quote(v.asText())));
        return "[]string{" + String.join(", ", items) + "}";
    }
}
