package kubetutor.engine.kubectl.printer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How apimachinery prints selectors: labels.FormatLabels and metav1.FormatLabelSelector. */
public final class Selectors {
    private Selectors() {}

    /** labels.FormatLabels: "k1=v1,k2=v2" sorted by key, or "<none>". */
    public static String formatLabels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "<none>";
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }

    /** metav1.FormatLabelSelector: the selector's string, "<none>" when it has none (missing or empty). */
    public static String formatLabelSelector(JsonNode selector) {
        String s = labelSelector(selector);
        return s.isEmpty() ? "<none>" : s;
    }

    /**
     * LabelSelectorAsSelector(...).String(): matchLabels become key=value, matchExpressions
     * {@code key in (a,b)}, {@code key notin (a,b)}, {@code key}, {@code !key}; the requirements sorted
     * by key, each one's values sorted, all joined by commas. A missing or empty selector prints as "".
     */
    public static String labelSelector(JsonNode selector) {
        List<String[]> requirements = new ArrayList<>();
        selector.path("matchLabels").fields().forEachRemaining(e ->
                requirements.add(new String[] {e.getKey(), e.getKey() + "=" + e.getValue().asText()}));
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText("");
            List<String> values = new ArrayList<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            values.sort(null);
            String set = "(" + String.join(",", values) + ")";
            String text = switch (expr.path("operator").asText("")) {
                case "In" -> key + " in " + set;
                case "NotIn" -> key + " notin " + set;
                case "Exists" -> key;
                default -> "!" + key;
            };
            requirements.add(new String[] {key, text});
        }
        requirements.sort(Comparator.comparing(r -> r[0]));
        List<String> texts = new ArrayList<>();
        requirements.forEach(r -> texts.add(r[1]));
        return String.join(",", texts);
    }
}
