package kubetutor.engine.container.sh;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * awk's values: numbers (doubles), strings, and strnums (input fields and -v values, which compare
 * as numbers when they look like one); conversions and comparisons as POSIX awk makes them.
 */
final class AwkValues {
    /** A field or -v value: a string that is also a number when it looks like one. */
    record Strnum(String text) {}

    private static final Pattern NUMERIC = Pattern.compile("\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?\\s*");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private AwkValues() {}

    static String str(Awk a, Object v) {
        if (v instanceof Double d) {
            return AwkBuiltins.number(d, a == null ? "%.6g" : String.valueOf(a.getVar("CONVFMT")));
        }
        if (v instanceof Strnum s) {
            return s.text();
        }
        return String.valueOf(v);
    }

    static double num(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        String s = v instanceof Strnum sn ? sn.text() : String.valueOf(v);
        Matcher m = LEADING_NUMBER.matcher(s);
        return m.find() ? Double.parseDouble(m.group().strip()) : 0;
    }

    private static boolean looksNumeric(Object v) {
        return v instanceof Double || v instanceof Strnum s && NUMERIC.matcher(s.text()).matches();
    }

    static boolean truth(Object v) {
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof Strnum s && looksNumeric(s)) {
            return num(s) != 0;
        }
        return !str(null, v).isEmpty();
    }

    static boolean compare(Awk a, String op, Object l, Object r) {
        int c = looksNumeric(l) && looksNumeric(r) ? Double.compare(num(l), num(r)) : SortCommand.bytes(str(a, l), str(a, r));
        return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "==" -> c == 0;
            default -> c != 0;
        };
    }

    static Object arith(String op, Object l, Object r) {
        double x = num(l);
        double y = num(r);
        return switch (op) {
            case "+" -> x + y;
            case "-" -> x - y;
            case "*" -> x * y;
            case "^" -> Math.pow(x, y);
            default -> {
                if (y == 0) {
                    throw new AwkLexer.Error(op.equals("/") ? "division by zero" : "division by zero in %");
                }
                yield op.equals("/") ? x / y : x % y;
            }
        };
    }
}
