package kubetutor.engine.selector;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A label selector: requirements that must all hold. Parsed from kubectl's {@code -l} syntax
 * (equality: {@code =}, {@code ==}, {@code !=}; set-based: {@code in}, {@code notin}, {@code key},
 * {@code !key}) or built from an API object's {@code matchLabels}/{@code matchExpressions}.
 */
public record LabelSelector(List<Requirement> requirements) {
    public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    public boolean matches(Map<String, String> labels) {
        for (Requirement r : requirements) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** Parses kubectl's selector syntax; throws {@link SelectorSyntaxException} with apimachinery's message. */
    public static LabelSelector parse(String text) {
        return new SelectorParser(text).parse();
    }

    /** A selector of an API object: {@code {matchLabels: {...}, matchExpressions: [...]}}. */
    public static LabelSelector fromApi(JsonNode selector) {
        List<Requirement> reqs = new ArrayList<>();
        selector.path("matchLabels").fields().forEachRemaining(e ->
                reqs.add(Requirement.of(e.getKey(), Requirement.Operator.EQUALS, List.of(e.getValue().asText()))));
        for (JsonNode expr : selector.path("matchExpressions")) {
            List<String> values = new ArrayList<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            Requirement.Operator op = switch (expr.path("operator").asText()) {
                case "In" -> Requirement.Operator.IN;
                case "NotIn" -> Requirement.Operator.NOT_IN;
                case "Exists" -> Requirement.Operator.EXISTS;
                default -> Requirement.Operator.DOES_NOT_EXIST;
            };
            reqs.add(Requirement.of(expr.path("key").asText(), op, values));
        }
        return new LabelSelector(List.copyOf(reqs));
    }

    /** A ReplicationController's or Service's plain map selector. */
    public static LabelSelector fromMap(Map<String, String> map) {
        List<Requirement> reqs = new ArrayList<>();
        map.forEach((k, v) -> reqs.add(Requirement.of(k, Requirement.Operator.EQUALS, List.of(v))));
        return new LabelSelector(List.copyOf(reqs));
    }
}
