package kubetutor.engine.sessionlog;

import kubetutor.engine.output.Output;
import kubetutor.engine.output.PlainText;

import java.util.List;

/**
 * A session as Markdown, for students to take home: each command in a fenced {@code console}
 * block with what kubectl printed under it, as it appeared on the terminal; a lesson's step
 * headings as headings and its text as it reads.
 */
public final class MarkdownTranscript {
    private MarkdownTranscript() {}

    public static String render(String title, List<TranscriptLog.Entry> entries, boolean dropped) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        if (dropped) {
            md.append("_(The earliest commands are left out: the transcript keeps the last 4 MiB.)_\n\n");
        }
        for (TranscriptLog.Entry e : entries) {
            StringBuilder terminal = new StringBuilder("$ ").append(e.command().strip()).append('\n');
            for (Output o : e.outputs()) {
                if (o instanceof Output.Text t && t.kind() == Output.TextKind.LESSON_TITLE) {
                    md.append(fence(terminal)).append("## ").append(t.text().strip()).append("\n\n");
                    terminal.setLength(0);
                } else if (o instanceof Output.Text t && t.kind() == Output.TextKind.LESSON) {
                    md.append(fence(terminal)).append(t.text().strip()).append("\n\n");
                    terminal.setLength(0);
                } else {
                    terminal.append(PlainText.render(o));
                }
            }
            md.append(fence(terminal));
        }
        return md.toString();
    }

    /** A fenced block long enough that no run of backticks in the text closes it. */
    private static String fence(CharSequence text) {
        if (text.isEmpty()) {
            return "";
        }
        String body = text.toString();
        String ticks = "```";
        while (body.contains(ticks)) {
            ticks += "`";
        }
        return ticks + "console\n" + body + (body.endsWith("\n") ? "" : "\n") + ticks + "\n\n";
    }
}
