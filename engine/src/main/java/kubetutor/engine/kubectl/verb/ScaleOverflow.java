package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.format.JsonWriter;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the API server answers {@code kubectl scale --replicas=N} when N fits kubectl's 64-bit flag
 * but not the Scale's int32: kubectl sends {@code {"spec":{"replicas":N}}} as a merge patch of the
 * scale subresource; the server applies it to the Scale's JSON and cannot decode the result, and
 * reports the whole patched document (keys sorted, as json-patch re-marshals it; metadata as the
 * Scale encodes it) in an Invalid error with no kind or name, which kubectl words "The request is
 * invalid".
 */
public final class ScaleOverflow {
    private ScaleOverflow() {}

    public static ApiException error(ObjectNode owner, long replicas) {
        ObjectNode meta = Meta.JSON.objectNode();
        meta.put("name", Meta.name(owner));
        meta.put("namespace", Meta.namespace(owner));
        meta.put("uid", Meta.uid(owner));
        meta.put("resourceVersion", owner.path("metadata").path("resourceVersion").asText());
        meta.put("creationTimestamp", owner.path("metadata").path("creationTimestamp").asText());
        ObjectNode patched = Meta.JSON.objectNode();
        patched.put("apiVersion", "autoscaling/v1");
        patched.put("kind", "Scale");
        patched.set("metadata", meta);
        patched.putObject("spec").put("replicas", replicas);
        ObjectNode status = patched.putObject("status");
        status.put("replicas", owner.path("status").path("replicas").asInt(0));
        String selector = owner.path("kind").asText().equals(ResourceTypes.REPLICATION_CONTROLLER.kind())
                ? equalities(owner.path("spec").path("selector"), new ArrayList<>())
                : selector(owner.path("spec").path("selector"));
        if (!selector.isEmpty()) {
            status.put("selector", selector);
        }
        String document = JsonWriter.compact(patched);
        return new ApiException(ApiException.Reason.Invalid, "The request is invalid: patch: Invalid value: "
                + quoted(document) + ": json: cannot unmarshal number " + replicas
                + " into Go struct field ScaleSpec.spec.replicas of type int32");
    }

    /** labels.Selector's String() of a LabelSelector: requirements sorted by key, matchLabels as "k=v". */
    private static String selector(JsonNode labelSelector) {
        List<String> requirements = new ArrayList<>();
        equalities(labelSelector.path("matchLabels"), requirements);
        for (JsonNode e : labelSelector.path("matchExpressions")) {
            String key = e.path("key").asText();
            List<String> values = new ArrayList<>();
            e.path("values").forEach(v -> values.add(v.asText()));
            values.sort(null);
            requirements.add(switch (e.path("operator").asText()) {
                case "In" -> key + " in (" + String.join(",", values) + ")";
                case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
                case "Exists" -> key;
                default -> "!" + key;
            });
        }
        requirements.sort((a, b) -> key(a).compareTo(key(b)));
        return String.join(",", requirements);
    }

    private static String equalities(JsonNode map, List<String> into) {
        Map<String, String> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            sorted.put(e.getKey(), e.getValue().asText());
        }
        sorted.forEach((k, v) -> into.add(k + "=" + v));
        return String.join(",", into);
    }

    private static String key(String requirement) {
        String r = requirement.startsWith("!") ? requirement.substring(1) : requirement;
        return r.split("[ =]", 2)[0];
    }

    /** Go's %q of the document: backslashes and quotes escaped. */
    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
