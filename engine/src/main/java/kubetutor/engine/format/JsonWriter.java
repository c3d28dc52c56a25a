package kubetutor.engine.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Prints a tree as {@code kubectl -o json} does (Go's json.MarshalIndent with four spaces, plus a
 * final newline). Keys keep the tree's order: for typed objects kubectl follows the Go struct order,
 * for objects read from files (maps) it sorts them; the tree is expected to be built that way.
 */
public final class JsonWriter {
    private static final String HEX = "0123456789abcdef";

    private final StringBuilder out = new StringBuilder();

    private JsonWriter() {
    }

    public static String write(JsonNode node) {
        JsonWriter w = new JsonWriter();
        w.value(node, 0);
        return w.out.append('\n').toString();
    }

    /** Compact JSON (json.Marshal), as kubectl embeds it in messages such as "Object 'Kind' is missing in '...'". */
    public static String compact(JsonNode node) {
        JsonWriter w = new JsonWriter();
        w.value(node, -1);
        return w.out.toString();
    }

    /** {@code indent < 0} means compact. */
    private void value(JsonNode node, int indent) {
        if (node.isObject()) {
            object(node, indent);
        } else if (node.isArray()) {
            array(node, indent);
        } else if (node.isTextual()) {
            string(node.textValue());
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.append(GoFloats.json(node.doubleValue()));
        } else {
            string(node.asText());
        }
    }

    private void object(JsonNode node, int indent) {
        if (node.size() == 0) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        boolean first = true;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!first) {
                out.append(',');
            }
            first = false;
            lineBreak(indent < 0 ? -1 : indent + 1);
            string(field.getKey());
            out.append(indent < 0 ? ":" : ": ");
            value(field.getValue(), indent < 0 ? -1 : indent + 1);
        }
        lineBreak(indent);
        out.append('}');
    }

    private void array(JsonNode node, int indent) {
        if (node.size() == 0) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (JsonNode item : node) {
            if (!first) {
                out.append(',');
            }
            first = false;
            lineBreak(indent < 0 ? -1 : indent + 1);
            value(item, indent < 0 ? -1 : indent + 1);
        }
        lineBreak(indent);
        out.append(']');
    }

    private void lineBreak(int indent) {
        if (indent < 0) {
            return;
        }
        out.append('\n');
        for (int i = 0; i < indent; i++) {
            out.append("    ");
        }
    }

    /** encoding/json's escaping with escapeHTML on: <, >, & and U+2028/U+2029 become \\u escapes. */
    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        unicodeEscape(c);
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                            out.append(c).append(s.charAt(++i));
                        } else {
                            // Go replaces invalid UTF-8 with U+FFFD; a lone surrogate is the Java analogue.
                            out.append("\\ufffd");
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void unicodeEscape(char c) {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(HEX.charAt((c >> shift) & 0xF));
        }
    }
}
