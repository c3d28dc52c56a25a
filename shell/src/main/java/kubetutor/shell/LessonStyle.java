package kubetutor.shell;

import kubetutor.engine.lesson.Markup;

/**
 * Lesson text in colour: headings bold, the commands a step shows ({@code   $ kubectl ...}) bold
 * after a dim prompt sign, {@code `code`} in cyan without its backticks, ticks green and crosses
 * red. Without colour the text stays as written, backticks and all.
 */
final class LessonStyle {
    private LessonStyle() {}

    static String title(String text) {
        return Ansi.eachLine(text, line -> Ansi.wrap(Ansi.BOLD + Ansi.CYAN, line));
    }

    static String body(String text) {
        return Ansi.eachLine(text, LessonStyle::line);
    }

    private static String line(String line) {
        String trimmed = line.stripLeading();
        String indent = line.substring(0, line.length() - trimmed.length());
        String command = Markup.command(line);
        if (command != null) {
            return indent + Ansi.wrap(Ansi.DIM, "$") + " " + Ansi.wrap(Ansi.BOLD, command);
        }
        if (trimmed.startsWith("✓")) {
            return Ansi.wrap(Ansi.GREEN, line);
        }
        if (trimmed.startsWith("✗")) {
            return Ansi.wrap(Ansi.RED, line);
        }
        return code(line);
    }

    /** {@code `x`} spans in cyan. */
    private static String code(String line) {
        StringBuilder out = new StringBuilder();
        for (Markup.Span span : Markup.spans(line)) {
            out.append(span.code() ? Ansi.wrap(Ansi.CYAN, span.text()) : span.text());
        }
        return out.toString();
    }
}
