package kubetutor.engine.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/**
 * JSON as Go's encoding/json reads it, for what the API server and kubectl say about a patch: the
 * scanner's syntax errors, word for word ("invalid character 'b' looking for beginning of object
 * key string", "unexpected end of JSON input"), and the decoder's type errors ("json: cannot
 * unmarshal array into Go value of type map[string]interface {}").
 */
public final class GoJson {
    /** Built on first use, like the other mappers: most sessions never patch anything. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /** A text Go's decoder refuses, with its message. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final String text;
    private int pos;

    private GoJson(String text) {
        this.text = text;
    }

    /** Parses a JSON text, or fails with Go's message for its first syntax error. */
    public static JsonNode parse(String text) throws Invalid {
        Optional<String> error = syntaxError(text);
        if (error.isPresent()) {
            throw new Invalid(error.get());
        }
        try {
            return Mapper.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // the scanner above accepts exactly JSON; Jackson disagreeing would be a bug of ours
            throw new Invalid("unexpected end of JSON input");
        }
    }

    /** Parses a JSON object as json.Unmarshal into map[string]interface{} does. */
    public static com.fasterxml.jackson.databind.node.ObjectNode parseObject(String text) throws Invalid {
        JsonNode n = parse(text);
        if (!n.isObject()) {
            throw new Invalid(cannotUnmarshal(n, "map[string]interface {}"));
        }
        return (com.fasterxml.jackson.databind.node.ObjectNode) n;
    }

    /** The decoder's "json: cannot unmarshal KIND into Go value of type TYPE". */
    public static String cannotUnmarshal(JsonNode value, String goType) {
        return "json: cannot unmarshal " + kind(value) + " into Go value of type " + goType;
    }

    /** How Go's decoder names a JSON value's kind in its errors. */
    public static String kind(JsonNode value) {
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        return "null";
    }

    /** The first syntax error of {@code text} in Go's words (checkValid), if it has one. */
    public static Optional<String> syntaxError(String text) {
        GoJson s = new GoJson(text);
        try {
            s.space();
            s.value("looking for beginning of value");
            s.space();
            if (s.pos < text.length()) {
                throw s.invalid("after top-level value");
            }
            return Optional.empty();
        } catch (Invalid e) {
            return Optional.of(e.getMessage());
        }
    }

    private void value(String context) throws Invalid {
        char c = next(context);
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    number();
                } else {
                    pos--;
                    throw invalid(context);
                }
            }
        }
    }

    private void object() throws Invalid {
        space();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            space();
            if (next("looking for beginning of object key string") != '"') {
                pos--;
                throw invalid("looking for beginning of object key string");
            }
            string();
            space();
            if (next("after object key") != ':') {
                pos--;
                throw invalid("after object key");
            }
            space();
            value("looking for beginning of value");
            space();
            char c = next("after object key:value pair");
            if (c == '}') {
                return;
            }
            if (c != ',') {
                pos--;
                throw invalid("after object key:value pair");
            }
        }
    }

    private void array() throws Invalid {
        space();
        if (peek() == ']') {
            pos++;
            return;
        }
        while (true) {
            space();
            value("looking for beginning of value");
            space();
            char c = next("after array element");
            if (c == ']') {
                return;
            }
            if (c != ',') {
                pos--;
                throw invalid("after array element");
            }
        }
    }

    private void string() throws Invalid {
        while (true) {
            char c = next("in string literal");
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                char e = next("in string escape code");
                if (e == 'u') {
                    for (int i = 0; i < 4; i++) {
                        char h = next("in \\u hexadecimal character escape");
                        if (Character.digit(h, 16) < 0) {
                            pos--;
                            throw invalid("in \\u hexadecimal character escape");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    pos--;
                    throw invalid("in string escape code");
                }
            } else if (c < 0x20) {
                pos--;
                throw invalid("in string literal");
            }
        }
    }

    private void number() throws Invalid {
        char first = text.charAt(pos - 1);
        if (first == '-') {
            char c = next("in numeric literal");
            if (c < '0' || c > '9') {
                pos--;
                throw invalid("in numeric literal");
            }
            first = c;
        }
        if (first != '0') {
            digits();
        }
        if (peek() == '.') {
            pos++;
            char c = next("after decimal point in numeric literal");
            if (c < '0' || c > '9') {
                pos--;
                throw invalid("after decimal point in numeric literal");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            char c = next("in exponent of numeric literal");
            if (c == '+' || c == '-') {
                c = next("in exponent of numeric literal");
            }
            if (c < '0' || c > '9') {
                pos--;
                throw invalid("in exponent of numeric literal");
            }
            digits();
        }
    }

    private void digits() {
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
    }

    private void literal(String word) throws Invalid {
        for (int i = 1; i < word.length(); i++) {
            String context = "in literal " + word + " (expecting '" + word.charAt(i) + "')";
            if (next(context) != word.charAt(i)) {
                pos--;
                throw invalid(context);
            }
        }
    }

    private void space() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    /** The next character; the end of the text is Go's "unexpected end of JSON input". */
    private char next(String context) throws Invalid {
        if (pos >= text.length()) {
            throw new Invalid("unexpected end of JSON input");
        }
        return text.charAt(pos++);
    }

    private Invalid invalid(String context) {
        return new Invalid("invalid character " + quoteChar(text.charAt(pos)) + " " + context);
    }

    /** encoding/json's quoteChar: the character in single quotes, escaped as strconv.Quote would. */
    private static String quoteChar(char c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        String quoted = switch (c) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            case '\\' -> "\\\\";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c);
        };
        return "'" + quoted + "'";
    }
}
