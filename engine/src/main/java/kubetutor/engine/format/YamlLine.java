package kubetutor.engine.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;

/**
 * A value {@link ResourceYaml} finds written on one line: a double- or single-quoted scalar, a flow
 * sequence or mapping, or a plain scalar, typed as the YAML 1.1 core schema types it.
 */
final class YamlLine {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Text this reader cannot read; {@link ResourceYaml} adds the file and line. */
    static final class Error extends RuntimeException {
        Error(String message) {
            super(message);
        }
    }

    private final String s;
    private int i;

    YamlLine(String s) {
        this.s = s;
    }

    /** What follows the value read last. */
    String rest() {
        return s.substring(i);
    }

    /** The value that starts here, after any spaces: a quoted scalar, a flow collection or a plain scalar. */
    JsonNode value() {
        skipSpaces();
        char c = peek();
        if (c == '"') {
            return NODES.textNode(doubleQuoted());
        }
        if (c == '\'') {
            return NODES.textNode(singleQuoted());
        }
        if (c == '[') {
            i++;
            ArrayNode seq = NODES.arrayNode();
            while (!closes(']')) {
                seq.add(value());
                separator(']');
            }
            return seq;
        }
        if (c == '{') {
            i++;
            ObjectNode map = NODES.objectNode();
            while (!closes('}')) {
                skipSpaces();
                String key = peek() == '"' ? doubleQuoted() : peek() == '\'' ? singleQuoted() : until(":,}").strip();
                skipSpaces();
                if (peek() != ':') {
                    throw new Error("expected ':' in a flow mapping");
                }
                i++;
                map.set(key, value());
                separator('}');
            }
            return map;
        }
        return plain(until(",]}").strip());
    }

    String doubleQuoted() {
        int close = s.indexOf('"', i + 1);
        int escape = s.indexOf('\\', i + 1);
        if (close > 0 && (escape < 0 || escape > close)) {
            // Most strings hold no escape: one substring instead of a loop over their characters.
            String text = s.substring(i + 1, close);
            i = close + 1;
            return text;
        }
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '0' -> b.append('\0');
                case 'x' -> b.append((char) Integer.parseInt(take(2), 16));
                case 'u' -> b.append((char) Integer.parseInt(take(4), 16));
                default -> throw new Error("unsupported escape \\" + e);
            }
        }
    }

    private String singleQuoted() {
        StringBuilder b = new StringBuilder();
        i++;
        while (true) {
            char c = next();
            if (c == '\'') {
                if (i < s.length() && s.charAt(i) == '\'') {
                    i++;
                } else {
                    return b.toString();
                }
            }
            b.append(c);
        }
    }

    /** How the YAML 1.1 core schema types the plain scalars these files hold; other values stay text. */
    static JsonNode plain(String s) {
        switch (s) {
            case "", "~", "null", "Null", "NULL":
                return NODES.nullNode();
            case "true", "True", "TRUE":
                return NODES.booleanNode(true);
            case "false", "False", "FALSE":
                return NODES.booleanNode(false);
            default:
                break;
        }
        int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        if (s.length() == start || s.length() - start > 18) {
            return NODES.textNode(s);
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return NODES.textNode(s);
            }
        }
        if (s.length() - start > 1 && s.charAt(start) == '0') {
            return NODES.textNode(s); // octal in YAML 1.1: not worth supporting
        }
        long v = new BigInteger(s).longValue();
        return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
    }

    private char peek() {
        if (i >= s.length()) {
            throw new Error("the value does not end on its line");
        }
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private String take(int n) {
        if (i + n > s.length()) {
            throw new Error("the value does not end on its line");
        }
        i += n;
        return s.substring(i - n, i);
    }

    private void skipSpaces() {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
    }

    /** True (and past it) when the next character closes the collection. */
    private boolean closes(char close) {
        skipSpaces();
        if (peek() == close) {
            i++;
            return true;
        }
        return false;
    }

    private void separator(char close) {
        skipSpaces();
        if (peek() == ',') {
            i++;
        } else if (peek() != close) {
            throw new Error("expected ',' or '" + close + "'");
        }
    }

    /** The text up to (not including) the first of {@code stops}, or to the end of the line. */
    private String until(String stops) {
        int start = i;
        while (i < s.length() && stops.indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return s.substring(start, i);
    }
}
