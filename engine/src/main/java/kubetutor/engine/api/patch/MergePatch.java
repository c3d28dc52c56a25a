package kubetutor.engine.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * A JSON merge patch (RFC 7386) as evanphx/json-patch's MergePatch applies it: objects merge key
 * by key, null removes a key, anything else (lists included) replaces what was there.
 */
public final class MergePatch {
    private MergePatch() {}

    /** Applies {@code patch} to a copy of {@code doc}. */
    public static JsonNode apply(JsonNode doc, JsonNode patch) {
        if (!patch.isObject()) {
            return pruneNulls(patch.deepCopy());
        }
        if (!doc.isObject()) {
            return pruneNulls(patch.deepCopy());
        }
        ObjectNode out = ((ObjectNode) doc).deepCopy();
        merge(out, (ObjectNode) patch);
        return out;
    }

    private static void merge(ObjectNode doc, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) patch::fields) {
            JsonNode v = e.getValue();
            JsonNode cur = doc.get(e.getKey());
            if (v.isNull()) {
                doc.remove(e.getKey());
            } else if (cur == null || cur.isNull() || !cur.isObject()) {
                doc.set(e.getKey(), pruneNulls(v.deepCopy()));
            } else if (!v.isObject()) {
                doc.set(e.getKey(), v.deepCopy());
            } else {
                merge((ObjectNode) cur, (ObjectNode) v);
            }
        }
    }

    /** What pruneNulls leaves: no null-valued keys in objects, at any depth. */
    private static JsonNode pruneNulls(JsonNode v) {
        if (v.isObject()) {
            ObjectNode o = (ObjectNode) v;
            java.util.List<String> nulls = new java.util.ArrayList<>();
            o.fields().forEachRemaining(f -> {
                if (f.getValue().isNull()) {
                    nulls.add(f.getKey());
                } else {
                    pruneNulls(f.getValue());
                }
            });
            o.remove(nulls);
        } else if (v.isArray()) {
            ArrayNode a = (ArrayNode) v;
            a.forEach(MergePatch::pruneNulls);
        }
        return v;
    }
}
