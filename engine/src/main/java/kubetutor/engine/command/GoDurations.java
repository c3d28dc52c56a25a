package kubetutor.engine.command;

import java.util.Set;

/** Go's time.ParseDuration grammar, for the errors kubectl prints on a bad duration flag. */
final class GoDurations {
    private static final Set<String> UNITS = Set.of("ns", "us", "µs", "μs", "ms", "s", "m", "h");

    private GoDurations() {}

    /** Go's error text for {@code text}, or null when it is a valid duration; walks the text as Go does. */
    static String problem(String text) {
        String invalid = "time: invalid duration \"" + text + "\"";
        String s = text;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return null;
        }
        if (s.isEmpty()) {
            return invalid;
        }
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            boolean whole = i > start;
            boolean fraction = false;
            if (i < s.length() && s.charAt(i) == '.') {
                int dot = ++i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                fraction = i > dot;
            }
            if (!whole && !fraction) {
                return invalid;
            }
            int unitStart = i;
            while (i < s.length() && s.charAt(i) != '.' && !Character.isDigit(s.charAt(i))) {
                i++;
            }
            String unit = s.substring(unitStart, i);
            if (unit.isEmpty()) {
                return "time: missing unit in duration \"" + text + "\"";
            }
            if (!UNITS.contains(unit)) {
                return "time: unknown unit \"" + unit + "\" in duration \"" + text + "\"";
            }
        }
        return null;
    }
}
