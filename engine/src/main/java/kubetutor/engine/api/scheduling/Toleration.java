package kubetutor.engine.api.scheduling;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A pod's toleration (core/v1 Toleration) and the matching rules of v1helper: an empty effect
 * matches every effect, an empty key with Exists every key, an empty operator is Equal.
 *
 * @param seconds tolerationSeconds, or null for "for ever"
 */
public record Toleration(String key, String operator, String value, String effect, Long seconds) {

    public static List<Toleration> of(JsonNode podSpec) {
        List<Toleration> out = new ArrayList<>();
        for (JsonNode t : podSpec.path("tolerations")) {
            out.add(new Toleration(t.path("key").asText(""), t.path("operator").asText(""), t.path("value").asText(""),
                    t.path("effect").asText(""), t.hasNonNull("tolerationSeconds") ? t.get("tolerationSeconds").asLong() : null));
        }
        return out;
    }

    /** Toleration.ToleratesTaint. */
    public boolean tolerates(Taint taint) {
        if (!effect.isEmpty() && !effect.equals(taint.effect())) {
            return false;
        }
        if (!key.isEmpty() && !key.equals(taint.key())) {
            return false;
        }
        return switch (operator) {
            case "", "Equal" -> value.equals(taint.value());
            case "Exists" -> true;
            default -> false;
        };
    }

    /** The first of {@code taints} that {@code filter} keeps and no toleration tolerates (FindMatchingUntoleratedTaint), or null. */
    public static Taint untolerated(List<Taint> taints, List<Toleration> tolerations, Predicate<Taint> filter) {
        for (int i = 0; i < taints.size(); i++) {
            Taint taint = taints.get(i);
            if (filter.test(taint) && !anyTolerates(tolerations, taint)) {
                return taint;
            }
        }
        return null;
    }

    public static boolean anyTolerates(List<Toleration> tolerations, Taint taint) {
        for (int i = 0; i < tolerations.size(); i++) {
            if (tolerations.get(i).tolerates(taint)) {
                return true;
            }
        }
        return false;
    }
}
