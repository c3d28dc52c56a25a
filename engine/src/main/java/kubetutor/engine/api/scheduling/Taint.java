package kubetutor.engine.api.scheduling;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A node taint (core/v1 Taint).
 *
 * @param timeAdded when a NoExecute taint was added, as written, or null
 */
public record Taint(String key, String value, String effect, String timeAdded) {

    /** The taints of a node, in its order. */
    public static List<Taint> of(JsonNode node) {
        List<Taint> out = new ArrayList<>();
        for (JsonNode t : node.path("spec").path("taints")) {
            out.add(new Taint(t.path("key").asText(""), t.path("value").asText(""), t.path("effect").asText(""),
                    t.path("timeAdded").asText(null)));
        }
        return out;
    }

    /** The same key and effect: how the node controllers find a taint to add or remove (taints.TaintExists). */
    public boolean sameAs(String otherKey, String otherEffect) {
        return key.equals(otherKey) && effect.equals(otherEffect);
    }

    /** {@code key=value:effect}, or {@code key:effect} without a value, as kubectl describe prints it. */
    @Override
    public String toString() {
        return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect;
    }
}
