package kubetutor.engine.kubectl;

import kubetutor.engine.command.UsageException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go-style durations ("30s", "5m", "1h30m", "500ms"; a bare number is seconds, as in sleep and --request-timeout). */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Durations() {}

    public static Duration parse(String text) {
        if (text.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
        }
        Matcher m = PART.matcher(text);
        int pos = 0;
        long millis = 0;
        while (m.find() && m.start() == pos) {
            double v = Double.parseDouble(m.group(1));
            millis += Math.round(v * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 86_400_000;
            });
            pos = m.end();
        }
        if (pos != text.length() || text.isEmpty()) {
            throw new UsageException("error: invalid duration \"" + text + "\"");
        }
        return Duration.ofMillis(millis);
    }
}
