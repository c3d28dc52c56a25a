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

    /** An intstr.IntOrString value (not a pointer: no String method), as %#v prints it. */
    static FieldError.GoSyntax intOrString(JsonNode v) {
        return new FieldError.GoSyntax(intOrStringText(v));
    }

    private static String intOrStringText(JsonNode v) {
        return v.isTextual()
                ? "intstr.IntOrString{Type:1, IntVal:0, StrVal:" + FieldError.quote(v.asText()) + "}"
                : "intstr.IntOrString{Type:0, IntVal:" + v.asLong() + ", StrVal:\"\"}";
    }

    /**
     * The internal apps.DaemonSetUpdateStrategy. A set rollingUpdate is a pointer, which %#v prints
     * as an address; kubetutor shows a fixed one rather than inventing a new one each time.
     */
    static FieldError.GoSyntax daemonSetUpdateStrategy(JsonNode strategy) {
        String rolling = strategy.path("rollingUpdate").isObject() ? "(*apps.RollingUpdateDaemonSet)(0xc000a1b2d0)"
                : "(*apps.RollingUpdateDaemonSet)(nil)";
        return new FieldError.GoSyntax("apps.DaemonSetUpdateStrategy{Type:" + FieldError.quote(strategy.path("type").asText(""))
                + ", RollingUpdate:" + rolling + "}");
    }

    /** The internal apps.DeploymentStrategy; a set rollingUpdate pointer as daemonSetUpdateStrategy shows one. */
    static FieldError.GoSyntax deploymentStrategy(JsonNode strategy) {
        String rolling = strategy.path("rollingUpdate").isObject() ? "(*apps.RollingUpdateDeployment)(0xc000a1b2e0)"
                : "(*apps.RollingUpdateDeployment)(nil)";
        return new FieldError.GoSyntax("apps.DeploymentStrategy{Type:" + FieldError.quote(strategy.path("type").asText(""))
                + ", RollingUpdate:" + rolling + "}");
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
