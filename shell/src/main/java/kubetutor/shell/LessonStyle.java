package kubetutor.shell;

/**
 * Lesson text in colour: headings bold, the commands a step shows ({@code   $ kubectl ...}) bold
 * after a dim prompt sign, {@code `code`} in cyan without its backticks, ticks green and crosses
 * red. Without colour the text stays as written, backticks and all.
 */
final class LessonStyle {
    private LessonStyle() {}

    static String title(String text) {
        return lines(text, line -> Ansi.wrap(Ansi.BOLD + Ansi.CYAN, line));
    }

    static String body(String text) {
        return lines(text, LessonStyle::line);
    }

    private static String line(String line) {
        String trimmed = line.stripLeading();
        String indent = line.substring(0, line.length() - trimmed.length());
        if (trimmed.startsWith("$ ")) {
            return indent + Ansi.wrap(Ansi.DIM, "$") + " " + Ansi.wrap(Ansi.BOLD, trimmed.substring(2));
        }
        if (trimmed.startsWith("✓")) {
            return Ansi.wrap(Ansi.GREEN, line);
        }
        if (trimmed.startsWith("✗")) {
            return Ansi.wrap(Ansi.RED, line);
        }
        return code(line);
    }

    /** {@code `x`} spans in cyan; an unpaired backtick stays as it is. */
    private static String code(String line) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            int open = line.indexOf('`', i);
            int close = open < 0 ? -1 : line.indexOf('`', open + 1);
            if (close < 0) {
                out.append(line, i, line.length());
                break;
            }
            out.append(line, i, open).append(Ansi.wrap(Ansi.CYAN, line.substring(open + 1, close)));
            i = close + 1;
        }
        return out.toString();
    }

    private static String lines(String text, java.util.function.UnaryOperator<String> style) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                out.append(style.apply(lines[i]));
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
