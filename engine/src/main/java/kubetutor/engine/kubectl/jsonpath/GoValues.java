package kubetutor.engine.kubectl.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How Go prints the values kubectl's JSONPath finds: maps and lists as encoding/json writes them
 * (sorted keys, HTML characters escaped), scalars as fmt's {@code %v}, and the {@code %v} and
 * {@code %#v} forms that custom-columns and error messages show.
 */
public final class GoValues {
    private GoValues() {}

    /** What kubectl's jsonpath printer writes for one result. */
    public static String text(JsonNode v) {
        if (v.isContainerNode()) {
            return json(v);
        }
        return v.isNull() ? "null" : scalar(v);
    }

    /** fmt.Sprint of the value, as custom-columns prints a cell: {@code map[a:b]}, {@code [x y]}. */
    public static String sprint(JsonNode v) {
        if (v.isObject()) {
            StringBuilder sb = new StringBuilder("map[");
            List<String> keys = keys(v);
            for (int i = 0; i < keys.size(); i++) {
                sb.append(i > 0 ? " " : "").append(keys.get(i)).append(':').append(sprint(v.get(keys.get(i))));
            }
            return sb.append(']').toString();
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < v.size(); i++) {
                sb.append(i > 0 ? " " : "").append(sprint(v.get(i)));
            }
            return sb.append(']').toString();
        }
        return v.isNull() ? "<nil>" : scalar(v);
    }

    /** fmt's {@code %#v}, as kubectl shows the object in a jsonpath execution error. */
    public static String goSyntax(JsonNode v) {
        if (v.isObject()) {
            StringBuilder sb = new StringBuilder("map[string]interface {}{");
            List<String> keys = keys(v);
            for (int i = 0; i < keys.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(quote(keys.get(i))).append(':').append(goSyntax(v.get(keys.get(i))));
            }
            return sb.append('}').toString();
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder("[]interface {}{");
            for (int i = 0; i < v.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(goSyntax(v.get(i)));
            }
            return sb.append('}').toString();
        }
        if (v.isNull()) {
            return "interface {}(nil)";
        }
        return v.isTextual() ? quote(v.asText()) : scalar(v);
    }

    /** The Go type of a value decoded from JSON, as "... is not array or slice" names it. */
    public static String typeName(JsonNode v) {
        if (v.isObject()) {
            return "map[string]interface {}";
        } else if (v.isArray()) {
            return "[]interface {}";
        } else if (v.isTextual()) {
            return "string";
        } else if (v.isBoolean()) {
            return "bool";
        } else if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? "int64" : "float64";
        }
        return "float64";
    }

    /** encoding/json's compact form, keys sorted. */
    public static String json(JsonNode v) {
        StringBuilder sb = new StringBuilder();
        writeJson(v, sb, null, "");
        return sb.toString();
    }

    /** encoding/json's MarshalIndent with four spaces, as jsonpath-as-json prints. */
    public static String jsonIndented(JsonNode v) {
        StringBuilder sb = new StringBuilder();
        writeJson(v, sb, "    ", "");
        return sb.toString();
    }

    private static void writeJson(JsonNode v, StringBuilder sb, String indent, String prefix) {
        String inner = indent == null ? null : prefix + indent;
        if (v.isObject() || v.isArray()) {
            boolean object = v.isObject();
            List<String> keys = object ? keys(v) : List.of();
            int n = object ? keys.size() : v.size();
            sb.append(object ? '{' : '[');
            for (int i = 0; i < n; i++) {
                sb.append(i > 0 ? "," : "");
                if (inner != null) {
                    sb.append('\n').append(inner);
                }
                if (object) {
                    jsonString(keys.get(i), sb);
                    sb.append(inner != null ? ": " : ":");
                }
                writeJson(object ? v.get(keys.get(i)) : v.get(i), sb, indent, inner);
            }
            if (inner != null && n > 0) {
                sb.append('\n').append(prefix);
            }
            sb.append(object ? '}' : ']');
        } else if (v.isTextual()) {
            jsonString(v.asText(), sb);
        } else if (v.isNull()) {
            sb.append("null");
        } else if (v.isFloatingPointNumber()) {
            sb.append(jsonFloat(v.doubleValue()));
        } else {
            sb.append(v.asText());
        }
    }

    private static void jsonString(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    // encoding/json escapes <, > and & (HTML safety) and the JavaScript line separators.
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** strconv.Quote, what Go's {@code %q} prints: the string in double quotes with Go's escapes. */
    public static String goQuote(String s) {
        return quote(s);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\u0007' -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\u000b' -> sb.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String scalar(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isFloatingPointNumber()) {
            return goFloat(v.doubleValue());
        }
        return v.asText();
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        Collections.sort(keys);
        return keys;
    }

    /** fmt's {@code %v} of a float64 (strconv's shortest 'g'): exponent form below 1e-4 and from 1e6 on. */
    static String goFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        } else if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        Decimal dec = Decimal.of(d);
        return dec.exponent < -4 || dec.exponent >= 6 ? dec.scientific(true) : dec.plain();
    }

    /** encoding/json's float64: plain from 1e-6 up to 1e21, else exponent form without zero padding. */
    static String jsonFloat(double d) {
        double abs = Math.abs(d);
        if (abs == 0) {
            return "0";
        }
        Decimal dec = Decimal.of(d);
        return abs < 1e-6 || abs >= 1e21 ? dec.scientific(false) : dec.plain();
    }

    /** A float's shortest decimal digits and the exponent of the first one. */
    private record Decimal(boolean negative, String digits, int exponent) {
        static Decimal of(double d) {
            BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
            String digits = bd.unscaledValue().toString();
            return new Decimal(d < 0, digits, digits.length() - 1 - bd.scale());
        }

        String plain() {
            BigDecimal bd = new BigDecimal(digits).scaleByPowerOfTen(exponent - digits.length() + 1);
            return (negative ? "-" : "") + bd.toPlainString();
        }

        String scientific(boolean twoDigitExponent) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int e = Math.abs(exponent);
            String exp = twoDigitExponent && e < 10 ? "0" + e : String.valueOf(e);
            return (negative ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
    }
}
