package kubetutor.shell;

import kubetutor.engine.output.Cell;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.output.Style;
import kubetutor.engine.output.Tabwriter;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Outputs as the terminal shows them. Without colour this is exactly {@link PlainText}. With colour,
 * column widths still come from the plain cell texts ({@link Tabwriter#widths}) and the colour goes
 * around each cell, outside its padding, so a coloured table lines up exactly like kubectl's.
 * Help pages wrap to the terminal's width as kubectl's do on a terminal ({@link HelpWrap}).
 */
final class Renderer {
    private final boolean color;
    private final IntSupplier width;
    private final BooleanSupplier presenting;

    /** A renderer that never wraps help, as for output that is not a terminal. */
    Renderer(boolean color) {
        this(color, () -> 0);
    }

    /** {@code width} gives the terminal's columns at the time of each output, 0 for no terminal. */
    Renderer(boolean color, IntSupplier width) {
        this(color, width, () -> false);
    }

    /** {@code presenting} says when a lesson's headings are drawn large, for a class to read off a projector. */
    Renderer(boolean color, IntSupplier width, BooleanSupplier presenting) {
        this.color = color;
        this.width = width;
        this.presenting = presenting;
    }

    boolean color() {
        return color;
    }

    String render(Output output) {
        if (output instanceof Output.Text t && t.kind() == Output.TextKind.HELP) {
            return HelpWrap.wrap(t.text(), width.getAsInt());
        }
        if (output instanceof Output.Text t && t.kind() == Output.TextKind.LESSON_TITLE && presenting.getAsBoolean()) {
            return Heading.boxed(t.text().strip(), width.getAsInt(), color);
        }
        String picture = PictureColors.render(output, color, width.getAsInt());
        if (picture != null) {
            return picture;
        }
        if (!color) {
            return PlainText.render(output);
        }
        if (output instanceof Output.TableOutput t) {
            return table(t);
        }
        if (output instanceof Output.Error e && e.isError()) {
            return Ansi.eachLine(e.text(), line -> Ansi.wrap(Ansi.RED, line));
        }
        if (output instanceof Output.Text t && t.kind() == Output.TextKind.LESSON_TITLE) {
            return LessonStyle.title(t.text());
        }
        if (output instanceof Output.Text t && t.kind() == Output.TextKind.LESSON) {
            return LessonStyle.body(t.text());
        }
        return PlainText.render(output);
    }

    private static String table(Output.TableOutput t) {
        List<List<String>> plain = Tabwriter.lines(t.table());
        int[] widths = Tabwriter.widths(t.table());
        StringBuilder out = new StringBuilder();
        if (t.table().hasHeader()) {
            List<String> headers = t.table().headers();
            for (int c = 0; c < headers.size(); c++) {
                cell(out, headers.get(c), Style.HEADER, c < headers.size() - 1 ? widths[c] : 0);
            }
            out.append('\n');
        }
        for (List<Cell> cells : t.table().rows()) {
            for (int c = 0; c < cells.size(); c++) {
                Cell cell = cells.get(c);
                cell(out, cell.text(), cell.style(), c < cells.size() - 1 ? widths[c] : 0);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void cell(StringBuilder out, String text, Style style, int width) {
        out.append(Ansi.wrap(Ansi.of(style), text));
        for (int pad = width - Tabwriter.displayWidth(text); pad > 0; pad--) {
            out.append(' ');
        }
    }
}
