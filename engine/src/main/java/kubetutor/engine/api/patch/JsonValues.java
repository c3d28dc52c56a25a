package kubetutor.engine.api.patch;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** Comparing decoded JSON values as the Go code that patches them does. */
final class JsonValues {
    private JsonValues() {}

    /** Go's == on decoded JSON values: integers and floats are different types. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            if (a.isIntegralNumber() != b.isIntegralNumber()) {
                return false;
            }
            return a.isIntegralNumber() ? a.bigIntegerValue().equals(b.bigIntegerValue()) : a.doubleValue() == b.doubleValue();
        }
        return a.equals(b);
    }

    /**
     * Whether two JSON trees hold the same data: key order aside, and numbers compared by value
     * (the store may keep 3 as an int or a long).
     */
    static boolean equivalent(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) a::fields) {
                JsonNode other = b.get(e.getKey());
                if (other == null || !equivalent(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equivalent(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
