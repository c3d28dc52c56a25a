package kubetutor.engine.output;

import java.util.ArrayList;
import java.util.List;

/**
 * kubectl aligns tables with Go's tabwriter (minwidth 6, tabwidth 4, padding 3, padchar ' '):
 * every column but the last is padded to max(6, widest cell + 3); the last is not padded.
 */
public final class Tabwriter {
    private static final int MIN_WIDTH = 6;
    private static final int PADDING = 3;

    private Tabwriter() {}

    /** Widths of every column but the last, for the table's lines and no less than its width floor. */
    public static int[] widths(Table table) {
        int[] widths = widths(lines(table));
        for (int c = 0; c < widths.length && c < table.widthFloor().size(); c++) {
            widths[c] = Math.max(widths[c], table.widthFloor().get(c));
        }
        return widths;
    }

    /** Widths of every column but the last, for the given lines (each a list of cells). */
    public static int[] widths(List<List<String>> lines) {
        int columns = 0;
        for (List<String> line : lines) {
            columns = Math.max(columns, line.size());
        }
        int[] widths = new int[Math.max(0, columns - 1)];
        for (List<String> line : lines) {
            for (int c = 0; c < line.size() - 1; c++) {
                widths[c] = Math.max(widths[c], Math.max(MIN_WIDTH, displayWidth(line.get(c)) + PADDING));
            }
        }
        return widths;
    }

    /** Renders lines (header first, when there is one) exactly as kubectl prints them. */
    public static String render(List<List<String>> lines) {
        return render(lines, widths(lines));
    }

    private static String render(List<List<String>> lines, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            for (int c = 0; c < line.size(); c++) {
                String cell = line.get(c);
                out.append(cell);
                if (c < line.size() - 1) {
                    for (int pad = widths[c] - displayWidth(cell); pad > 0; pad--) {
                        out.append(' ');
                    }
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static String render(Table table) {
        return render(lines(table), widths(table));
    }

    /** The table's header and rows as plain strings. */
    public static List<List<String>> lines(Table table) {
        List<List<String>> lines = new ArrayList<>(table.rows().size() + 1);
        if (table.hasHeader()) {
            lines.add(table.headers());
        }
        for (List<Cell> row : table.rows()) {
            List<String> texts = new ArrayList<>(row.size());
            for (Cell cell : row) {
                texts.add(cell.text());
            }
            lines.add(texts);
        }
        return lines;
    }

    /** Go's tabwriter counts UTF-8 runes; so do we (code points). */
    public static int displayWidth(String s) {
        return s.codePointCount(0, s.length());
    }
}
