package kubetutor.kernel;

import kubetutor.engine.lesson.Markup;
import kubetutor.engine.output.Tabwriter;

import java.util.ArrayList;
import java.util.List;

/**
 * The lesson runtime's text as notebook HTML: a heading, paragraphs (wrapped lines joined as a
 * reader would, lines ended on purpose kept apart), the commands a step shows in a code block, {@code `code`} spans, ticks green and
 * crosses red. The plain text stays in the bundle for front ends without HTML.
 */
final class LessonHtml {
    private static final String BOX = "font-family:var(--jp-content-font-family,sans-serif);"
            + "color:var(--jp-content-font-color1,inherit);line-height:1.5";
    private static final String TITLE = "font-weight:600;font-size:1.1em;margin:0.4em 0 0.2em 0";
    private static final String PRE = "font-family:var(--jp-code-font-family,monospace);font-size:var(--jp-code-font-size,13px);"
            + "background:var(--jp-layout-color2,rgba(128,128,128,0.1));padding:4px 8px;margin:0.3em 0";
    private static final String OK = "color:var(--jp-success-color1,#2e7d32)";
    private static final String FAIL = "color:var(--jp-error-color1,#c62828)";

    private LessonHtml() {}

    static String title(String text) {
        return "<div class=\"kubetutor-lesson-title\" style=\"" + BOX + ";" + TITLE + "\">" + Html.escape(text.strip()) + "</div>";
    }

    static String body(String text) {
        StringBuilder html = new StringBuilder("<div class=\"kubetutor-lesson\" style=\"" + BOX + "\">");
        List<String> paragraph = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        List<String> aligned = new ArrayList<>();
        int margin = margin(text);
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            String command = Markup.command(line);
            boolean indented = !trimmed.isEmpty() && indent(line) > margin;
            if (command != null) {
                flushParagraph(html, paragraph);
                flushAligned(html, aligned);
                commands.add(command);
            } else if (trimmed.isEmpty()) {
                flushParagraph(html, paragraph);
                flushCommands(html, commands);
                flushAligned(html, aligned);
            } else if (indented) {
                flushParagraph(html, paragraph);
                flushCommands(html, commands);
                aligned.add(line);
            } else {
                flushCommands(html, commands);
                flushAligned(html, aligned);
                paragraph.add(trimmed);
            }
        }
        flushParagraph(html, paragraph);
        flushCommands(html, commands);
        flushAligned(html, aligned);
        return html.append("</div>").toString();
    }

    /** The indentation of the text's paragraphs: the least of its non-blank lines that show no command. */
    private static int margin(String text) {
        return text.lines().filter(l -> !l.isBlank() && Markup.command(l) == null).mapToInt(LessonHtml::indent).min().orElse(0);
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * Indented lines are an aligned list (a term, two spaces or more, what it means): a table, so
     * its columns stay lined up in proportional type and read as rows without any styling. A line
     * indented deeper than the terms, with no term of its own, carries on the meaning above it
     * (the text wrapped it under its column), so it joins that cell rather than starting a row.
     */
    private static void flushAligned(StringBuilder html, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        int termIndent = indent(lines.get(0));
        for (String l : lines) {
            String[] parts = l.strip().split("\\s{2,}", 2);
            String[] last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (parts.length == 1 && indent(l) > termIndent && last != null && last.length == 2) {
                last[1] = last[1] + " " + parts[0];
            } else {
                rows.add(parts);
            }
        }
        html.append("<table class=\"kubetutor-lesson-list\" style=\"border-collapse:collapse;margin:0.3em 0 0.3em 1.5em\"><tbody>");
        for (String[] parts : rows) {
            html.append("<tr>");
            if (parts.length == 2) {
                html.append("<th scope=\"row\" style=\"text-align:left;font-weight:normal;padding:0 1.5em 0 0;vertical-align:top\">")
                        .append(code(parts[0])).append("</th><td>").append(code(parts[1])).append("</td>");
            } else {
                html.append("<td colspan=\"2\">").append(code(parts[0])).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        lines.clear();
    }

    private static void flushParagraph(StringBuilder html, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        // A tick or a cross starts a line of its own: each is one finding, not part of a paragraph.
        if (lines.get(0).startsWith("✓") || lines.get(0).startsWith("✗")) {
            for (String l : lines) {
                String color = l.startsWith("✓") ? OK : l.startsWith("✗") ? FAIL : "";
                html.append("<div style=\"").append(color).append("\">").append(code(l)).append("</div>");
            }
        } else {
            html.append("<p style=\"margin:0.3em 0\">");
            int widest = lines.stream().mapToInt(Tabwriter::displayWidth).max().orElse(0);
            for (int i = 0; i < lines.size(); i++) {
                html.append(code(lines.get(i)));
                if (i + 1 < lines.size()) {
                    html.append(brokenOnPurpose(lines.get(i), lines.get(i + 1), widest) ? "<br>" : " ");
                }
            }
            html.append("</p>");
        }
        lines.clear();
    }

    /**
     * Text wrapped to a width flows on as one paragraph; a line that ends while the next word
     * would still have fitted was ended by its writer ("The cluster was reset for this lesson."
     * above "Handed out into this directory: FILE"), so the break stays.
     */
    static boolean brokenOnPurpose(String line, String next, int widest) {
        String firstWord = next.split("\\s+", 2)[0];
        return Tabwriter.displayWidth(line) + 1 + Tabwriter.displayWidth(firstWord) <= widest;
    }

    private static void flushCommands(StringBuilder html, List<String> commands) {
        if (commands.isEmpty()) {
            return;
        }
        html.append("<pre style=\"").append(PRE).append("\">");
        for (String c : commands) {
            html.append("$ ").append(Html.escape(c)).append('\n');
        }
        html.append("</pre>");
        commands.clear();
    }

    private static String code(String line) {
        StringBuilder out = new StringBuilder();
        for (Markup.Span span : Markup.spans(line)) {
            String text = Html.escape(span.text());
            out.append(span.code() ? "<code>" + text + "</code>" : text);
        }
        return out.toString();
    }
}
