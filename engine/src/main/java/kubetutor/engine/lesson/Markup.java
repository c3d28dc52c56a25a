package kubetutor.engine.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * The little markup lesson text uses, read once for every front end: lines that show a command to
 * type ({@code "  $ kubectl get pods"}), and {@code `code`} spans inside a line.
 */
public final class Markup {
    private Markup() {}

    /** A run of a line: plain text, or the inside of a {@code `code`} span. */
    public record Span(String text, boolean code) {}

    /** The command a line shows to type, or null when it is not such a line. */
    public static String command(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("$ ") ? trimmed.substring(2) : null;
    }

    /** The line's spans in order; an unpaired backtick stays plain text. */
    public static List<Span> spans(String line) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            int open = line.indexOf('`', i);
            int close = open < 0 ? -1 : line.indexOf('`', open + 1);
            if (close < 0) {
                spans.add(new Span(line.substring(i), false));
                break;
            }
            if (open > i) {
                spans.add(new Span(line.substring(i, open), false));
            }
            spans.add(new Span(line.substring(open + 1, close), true));
            i = close + 1;
        }
        return spans;
    }
}
