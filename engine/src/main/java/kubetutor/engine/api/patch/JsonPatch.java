package kubetutor.engine.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON patch (RFC 6902) as evanphx/json-patch (v4) applies it: add, remove, replace, move, copy
 * and test, in order, on JSON pointers ("/spec/containers/0/image", "-" for the end of a list).
 * An operation that does not apply fails the whole patch, in the library's words.
 */
public final class JsonPatch {
    /** An operation that does not apply, or a patch that is not one. */
    public static final class Failed extends Exception {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private JsonPatch() {}

    /** Applies the operations of {@code patch} (a JSON array) to a copy of {@code doc}. */
    public static JsonNode apply(JsonNode doc, JsonNode patch) throws Failed {
        JsonNode out = doc.deepCopy();
        for (JsonNode op : patch) {
            String kind = op.path("op").isTextual() ? op.get("op").asText() : "unknown";
            String path = op.path("path").asText("");
            switch (kind) {
                case "add" -> out = add(out, path, value(op), "add");
                case "remove" -> out = remove(out, path, "remove");
                case "replace" -> out = replace(out, path, value(op));
                case "move" -> {
                    String from = op.path("from").asText("");
                    JsonNode moved = get(out, from, "move");
                    out = remove(out, from, "move");
                    out = add(out, path, moved, "move");
                }
                case "copy" -> out = add(out, path, get(out, op.path("from").asText(""), "copy").deepCopy(), "copy");
                case "test" -> {
                    JsonNode actual = find(out, path);
                    if (actual == null || !JsonValues.equivalent(actual, value(op))) {
                        throw new Failed("testing value " + path + " failed: test failed");
                    }
                }
                default -> throw new Failed("Unexpected kind: " + kind);
            }
        }
        return out;
    }

    /** The operation's value; a missing one is JSON null to the library. */
    private static JsonNode value(JsonNode op) {
        JsonNode v = op.get("value");
        return v == null ? com.fasterxml.jackson.databind.node.NullNode.instance : v.deepCopy();
    }

    private static JsonNode add(JsonNode doc, String path, JsonNode value, String kind) throws Failed {
        if (path.isEmpty()) {
            return value;
        }
        Parent p = parent(doc, path, "add operation does not apply: doc is missing path: \"" + path + "\"");
        if (p.container().isObject()) {
            ((ObjectNode) p.container()).set(p.key(), value);
        } else {
            ArrayNode arr = (ArrayNode) p.container();
            int at = p.key().equals("-") ? arr.size()
                    : index(p.key(), arr.size() + 1, "error in " + kind + " for path: '" + path + "'", true);
            arr.insert(at, value);
        }
        return doc;
    }

    private static JsonNode remove(JsonNode doc, String path, String kind) throws Failed {
        Parent p = parent(doc, path, kind + " operation does not apply: doc is missing path: \"" + path + "\"");
        String context = "error in " + kind + " for path: '" + path + "'";
        if (p.container().isObject()) {
            if (p.container().get(p.key()) == null) {
                throw new Failed(context + ": Unable to remove nonexistent key: " + p.key() + ": missing value");
            }
            ((ObjectNode) p.container()).remove(p.key());
        } else {
            ArrayNode arr = (ArrayNode) p.container();
            arr.remove(index(p.key(), arr.size(), context, false));
        }
        return doc;
    }

    private static JsonNode replace(JsonNode doc, String path, JsonNode value) throws Failed {
        if (path.isEmpty()) {
            return value;
        }
        Parent p = parent(doc, path, "replace operation does not apply: doc is missing path: " + path);
        if (p.container().isObject()) {
            // the library's object "get" never fails: replacing a key that is not there adds it
            ((ObjectNode) p.container()).set(p.key(), value);
        } else {
            ArrayNode arr = (ArrayNode) p.container();
            if (!p.key().matches("\\d+") || Integer.parseInt(p.key()) >= arr.size()) {
                throw new Failed("replace operation does not apply: doc is missing key: " + path + ": missing value");
            }
            arr.set(Integer.parseInt(p.key()), value);
        }
        return doc;
    }

    private static JsonNode get(JsonNode doc, String path, String kind) throws Failed {
        JsonNode v = find(doc, path);
        if (v == null) {
            throw new Failed(kind + " operation does not apply: doc is missing from path: " + path + ": missing value");
        }
        return v;
    }

    /** The container a pointer's last token is in, and that token. */
    private record Parent(JsonNode container, String key) {}

    private static Parent parent(JsonNode doc, String path, String missing) throws Failed {
        List<String> tokens = tokens(path);
        JsonNode at = doc;
        for (String t : tokens.subList(0, tokens.size() - 1)) {
            at = child(at, t);
            if (at == null) {
                throw new Failed(missing + ": missing value");
            }
        }
        if (!at.isContainerNode()) {
            throw new Failed(missing + ": missing value");
        }
        return new Parent(at, tokens.get(tokens.size() - 1));
    }

    private static JsonNode find(JsonNode doc, String path) {
        if (path.isEmpty()) {
            return doc;
        }
        JsonNode at = doc;
        for (String t : tokens(path)) {
            at = child(at, t);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    private static JsonNode child(JsonNode node, String token) {
        if (node.isObject()) {
            return node.get(token);
        }
        if (node.isArray() && token.matches("\\d+")) {
            int i = Integer.parseInt(token);
            return i < node.size() ? node.get(i) : null;
        }
        return null;
    }

    /** An array index as the library reads it; {@code adding} says so in its error (only add does). */
    private static int index(String token, int size, String context, boolean adding) throws Failed {
        if (!token.matches("-?\\d+")) {
            throw new Failed(context + ": " + (adding ? "value was not a proper array index: '" + token + "': " : "")
                    + "strconv.Atoi: parsing \"" + token + "\": invalid syntax");
        }
        long i;
        try {
            i = Long.parseLong(token); // Go's Atoi reads 64 bits
        } catch (NumberFormatException e) {
            throw new Failed(context + ": " + (adding ? "value was not a proper array index: '" + token + "': " : "")
                    + "strconv.Atoi: parsing \"" + token + "\": value out of range");
        }
        if (i >= size || i < 0) {
            throw new Failed(context + ": Unable to access invalid index: " + i + ": invalid index referenced");
        }
        return (int) i;
    }

    /** A JSON pointer's reference tokens, "~1" and "~0" undone. */
    private static List<String> tokens(String path) {
        List<String> out = new ArrayList<>();
        String body = path.startsWith("/") ? path.substring(1) : path;
        for (String t : body.split("/", -1)) {
            out.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }
}
