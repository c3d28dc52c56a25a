package kubetutor.engine.container.sh;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * POSIX regular expressions (grep's and sed's basic ones, -E's extended ones) as java.util.regex
 * patterns: in a basic one {@code \( \) \{ \} \| \+ \?} are the operators and the bare characters
 * are literal; bracket classes like {@code [[:digit:]]} become Java's.
 */
final class PosixRegex {
    private static final Map<String, String> CLASSES = Map.ofEntries(Map.entry("alpha", "\\p{Alpha}"),
            Map.entry("digit", "0-9"), Map.entry("alnum", "\\p{Alnum}"), Map.entry("upper", "\\p{Upper}"),
            Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"), Map.entry("blank", " \\t"),
            Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "0-9A-Fa-f"), Map.entry("print", "\\p{Print}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("cntrl", "\\p{Cntrl}"));

    private PosixRegex() {}

    /** The Java pattern, or a PatternSyntaxException the caller reports in the tool's words. */
    static Pattern compile(String posix, boolean extended, boolean ignoreCase) {
        return Pattern.compile(translate(posix, extended), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }

    static String translate(String re, boolean extended) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(++i);
                if (!extended && "(){}|+?".indexOf(n) >= 0) {
                    out.append(n);
                } else if (Character.isDigit(n) || "wWsSbB<>".indexOf(n) >= 0 || n == 'n' || n == 't') {
                    out.append(n == '<' || n == '>' ? "\\b" : "\\" + n);
                } else {
                    out.append(Pattern.quote(String.valueOf(n)));
                }
            } else if (c == '[') {
                i = bracket(re, i, out);
            } else if (!extended && "(){}|+?".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '*' && (i == 0 || !extended && re.charAt(i - 1) == '^' && i == 1)) {
                out.append("\\*"); // a leading star is literal
            } else if (c == '{' && extended && !re.substring(i).matches("(?s)\\{[0-9]+(,[0-9]*)?}.*")) {
                out.append("\\{");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A bracket expression from {@code re[at]}: appended in Java's form; returns where it ends. */
    private static int bracket(String re, int at, StringBuilder out) {
        int i = at + 1;
        StringBuilder b = new StringBuilder("[");
        if (i < re.length() && re.charAt(i) == '^') {
            b.append('^');
            i++;
        }
        boolean first = true;
        for (; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == ']' && !first) {
                out.append(b).append(']');
                return i;
            }
            first = false;
            if (c == '[' && i + 1 < re.length() && re.charAt(i + 1) == ':') {
                int end = re.indexOf(":]", i + 2);
                String cls = end < 0 ? null : CLASSES.get(re.substring(i + 2, end));
                if (cls != null) {
                    b.append(cls);
                    i = end + 1;
                    continue;
                }
            }
            if (c == '\\' || c == '[' || c == '&' || c == '~' || c == '|' || (c == ']')) {
                b.append('\\');
            }
            b.append(c);
        }
        throw new PatternSyntaxException("Unmatched [", re, at);
    }
}
