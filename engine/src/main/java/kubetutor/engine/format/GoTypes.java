package kubetutor.engine.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Go's encoding/json type errors that kubectl reports when a manifest's metadata has the wrong shape. */
final class GoTypes {
    private GoTypes() {
    }

    /** The word encoding/json uses for a JSON value in "cannot unmarshal X into ...". */
    static String jsonKind(JsonNode node) {
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isNumber()) {
            return "number";
        }
        return "string";
    }

    /**
     * The first string field of ObjectMeta that holds something else, in key order as json.Unmarshal
     * meets them: the classic is {@code labels: {version: 1}} or a bare {@code y}.
     */
    static String metadataTypeError(JsonNode object) {
        JsonNode meta = object.get("metadata");
        if (meta == null || !meta.isObject()) {
            return null;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = meta.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            JsonNode v = f.getValue();
            if ((key.equals("labels") || key.equals("annotations")) && v.isObject()) {
                for (JsonNode value : v) {
                    if (!value.isTextual() && !value.isNull()) {
                        return fieldError(value, key);
                    }
                }
            } else if ((key.equals("name") || key.equals("namespace") || key.equals("generateName"))
                    && !v.isTextual() && !v.isNull()) {
                return fieldError(v, key);
            }
        }
        return null;
    }

    private static String fieldError(JsonNode value, String field) {
        return "json: cannot unmarshal " + jsonKind(value) + " into Go struct field ObjectMeta.metadata." + field
                + " of type string";
    }
}
