package kubetutor.engine.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How go-yaml v2 (the parser behind kubectl, via sigs.k8s.io/yaml) reads a plain scalar. YAML 1.1
 * rules: {@code y}, {@code no}, {@code on} are booleans, {@code 0x1F} and {@code 0777} are integers.
 * The reader uses it to type plain scalars; the writer uses it to decide which strings must be
 * quoted so that they read back as strings.
 */
final class GoYamlScalars {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> NAN = Set.of(".nan", ".NaN", ".NAN");
    private static final Set<String> POS_INF = Set.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
    private static final Set<String> NEG_INF = Set.of("-.inf", "-.Inf", "-.INF");
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern BASE60_FLOAT = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})([Tt]|( ))(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?");

    private GoYamlScalars() {
    }

    /** The JSON value of a plain (unquoted) scalar; timestamps stay strings, as go-yaml v2 does for interface{}. */
    static JsonNode resolvePlain(String s) {
        if (!hasHint(s)) {
            return NODES.textNode(s);
        }
        if (TRUE.contains(s)) {
            return NODES.booleanNode(true);
        }
        if (FALSE.contains(s)) {
            return NODES.booleanNode(false);
        }
        if (NULL.contains(s)) {
            return NODES.nullNode();
        }
        if (NAN.contains(s)) {
            return NODES.numberNode(Double.NaN);
        }
        if (POS_INF.contains(s)) {
            return NODES.numberNode(Double.POSITIVE_INFINITY);
        }
        if (NEG_INF.contains(s)) {
            return NODES.numberNode(Double.NEGATIVE_INFINITY);
        }
        char c = s.charAt(0);
        if (c == '.') {
            return YAML_FLOAT.matcher(s).matches() ? NODES.numberNode(Double.parseDouble(s)) : NODES.textNode(s);
        }
        if (!isSignOrDigit(c) || isTimestamp(s)) {
            return NODES.textNode(s);
        }
        String plain = s.replace("_", "");
        BigInteger integer = parseGoInt(plain);
        if (integer != null && integer.bitLength() <= 64
                && (integer.signum() >= 0 || integer.bitLength() <= 63)) {
            return integer.bitLength() <= 31 ? NODES.numberNode(integer.intValue())
                    : integer.bitLength() <= 63 ? NODES.numberNode(integer.longValue()) : NODES.numberNode(integer);
        }
        if (YAML_FLOAT.matcher(plain).matches()) {
            return NODES.numberNode(Double.parseDouble(plain));
        }
        if (plain.startsWith("0b") || plain.startsWith("-0b")) {
            boolean negative = plain.startsWith("-");
            String digits = plain.substring(negative ? 3 : 2);
            if (!digits.isEmpty() && digits.matches("[01]+") && digits.length() <= 64) {
                BigInteger v = new BigInteger(digits, 2);
                return NODES.numberNode(negative ? v.negate().longValue() : v.longValue());
            }
        }
        return NODES.textNode(s);
    }

    /** True when a plain string would read back as something else (go-yaml then double-quotes it). */
    static boolean needsQuotes(String s) {
        return !resolvePlain(s).isTextual() || isTimestamp(s) || isBase60Float(s);
    }

    private static boolean hasHint(String s) {
        if (s.isEmpty()) {
            return true;
        }
        char c = s.charAt(0);
        return isSignOrDigit(c) || c == '.' || "yYnNtTfFoO~".indexOf(c) >= 0;
    }

    private static boolean isSignOrDigit(char c) {
        return c == '+' || c == '-' || (c >= '0' && c <= '9');
    }

    private static boolean isBase60Float(String s) {
        return !s.isEmpty() && isSignOrDigit(s.charAt(0)) && s.indexOf(':') >= 0 && BASE60_FLOAT.matcher(s).matches();
    }

    /** The date forms go-yaml v2 tries with time.Parse (date, RFC 3339 with t/T, space-separated). */
    static boolean isTimestamp(String s) {
        var date = DATE.matcher(s);
        if (date.matches()) {
            return validDate(date.group(1), date.group(2), date.group(3));
        }
        var dt = DATE_TIME.matcher(s);
        if (!dt.matches()) {
            return false;
        }
        boolean spaceForm = dt.group(5) != null;
        // The space-separated form has no zone; the T form requires one.
        if (spaceForm == (dt.group(10) != null)) {
            return false;
        }
        return validDate(dt.group(1), dt.group(2), dt.group(3)) && Integer.parseInt(dt.group(6)) < 24
                && Integer.parseInt(dt.group(7)) < 60 && Integer.parseInt(dt.group(8)) < 60;
    }

    private static boolean validDate(String y, String m, String d) {
        int year = Integer.parseInt(y);
        int month = Integer.parseInt(m);
        int day = Integer.parseInt(d);
        if (month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /** Go's strconv.ParseInt(s, 0, 64) syntax (sign, 0x/0o/0b prefixes, leading-zero octal), unbounded. */
    private static BigInteger parseGoInt(String s) {
        String body = s;
        boolean negative = false;
        if (body.startsWith("+") || body.startsWith("-")) {
            negative = body.charAt(0) == '-';
            body = body.substring(1);
        }
        int radix = 10;
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            body = body.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            body = body.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            body = body.substring(2);
        } else if (body.length() > 1 && body.charAt(0) == '0') {
            radix = 8;
            body = body.substring(1);
        }
        if (body.isEmpty()) {
            return null;
        }
        for (int i = 0; i < body.length(); i++) {
            if (Character.digit(body.charAt(i), radix) < 0 || body.charAt(i) > 'z') {
                return null;
            }
        }
        BigInteger v = new BigInteger(body, radix);
        return negative ? v.negate() : v;
    }
}
