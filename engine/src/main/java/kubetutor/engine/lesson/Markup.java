package kubetutor.engine.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * The little markup lesson text uses, read once for every front end: {@code `code`} spans inside
 * a line. (Commands to type are lines that start, after indentation, with {@code "$ "}.)
 */
public final class Markup {
    private Markup() {}

    /** A run of a line: plain text, or the inside of a {@code `code`} span. */
    public record Span(String text, boolean code) {}

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
