package kubetutor.engine.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code %#v} of what go-yaml v2 decodes into an interface{} ({@code []interface {}{"a", 1}},
 * {@code map[interface {}]interface {}{"k":"v"}}): go-yaml words an invalid map key with it.
 */
final class GoSyntax {
    private GoSyntax() {
    }

    static String of(JsonNode v) {
        StringBuilder sb = new StringBuilder();
        append(v, sb);
        return sb.toString();
    }

    private static void append(JsonNode v, StringBuilder sb) {
        if (v.isArray()) {
            sb.append("[]interface {}{");
            for (int i = 0; i < v.size(); i++) {
                sb.append(i > 0 ? ", " : "");
                append(v.get(i), sb);
            }
            sb.append('}');
        } else if (v.isObject()) {
            // fmt prints a map's keys sorted; go-yaml's keys here are strings.
            sb.append("map[interface {}]interface {}{");
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                entries.add(it.next());
            }
            entries.sort(Map.Entry.comparingByKey(GoYamlTrees::compareUtf8));
            for (int i = 0; i < entries.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(quote(entries.get(i).getKey())).append(':');
                append(entries.get(i).getValue(), sb);
            }
            sb.append('}');
        } else if (v.isNull()) {
            sb.append("interface {}(nil)");
        } else if (v.isTextual()) {
            sb.append(quote(v.textValue()));
        } else if (v.isFloatingPointNumber()) {
            sb.append(GoFloats.g(v.doubleValue()));
        } else {
            sb.append(v.asText());
        }
    }

    /** strconv.Quote for the common cases: Go's escapes for quotes, backslashes and control characters. */
    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }
}
