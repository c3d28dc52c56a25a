package kubetutor.engine.kubectl.describe;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's text/tabwriter as kubectl describe configures it (minwidth 0, tabwidth 8, padding 2, padchar
 * ' ', no flags). Cells are tab-terminated; the text after a line's last tab is not part of any
 * column. A column is aligned only across a run of consecutive lines that all have a cell in it, so
 * a line without a tab ("Containers:") ends every block and alignment starts afresh after it. That
 * is why "IP:" lines up with "Controlled By:" but not with "Name:" in a describe.
 */
public final class GoTabwriter {
    private static final int MIN_WIDTH = 0;
    private static final int PADDING = 2;

    private final List<List<String>> lines = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    private GoTabwriter(String text) {
        for (String line : text.split("\n", -1)) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.split("\t", -1)) {
                cells.add(cell);
            }
            lines.add(cells);
        }
    }

    /** Aligns {@code text} exactly as the Go tabwriter does on Flush. */
    public static String format(String text) {
        GoTabwriter w = new GoTabwriter(text);
        w.format(0, w.lines.size());
        return w.out.toString();
    }

    private void format(int line0, int line1) {
        int column = widths.size();
        for (int current = line0; current < line1; current++) {
            if (column >= lines.get(current).size() - 1) {
                continue;
            }
            // A block of lines with a cell in this column starts here.
            writeLines(line0, current);
            line0 = current;
            int width = MIN_WIDTH;
            for (; current < line1; current++) {
                List<String> line = lines.get(current);
                if (column >= line.size() - 1) {
                    break;
                }
                width = Math.max(width, runeCount(line.get(column)) + PADDING);
            }
            widths.add(width);
            format(line0, current);
            widths.remove(widths.size() - 1);
            line0 = current;
        }
        writeLines(line0, line1);
    }

    private void writeLines(int line0, int line1) {
        for (int i = line0; i < line1; i++) {
            List<String> line = lines.get(i);
            for (int j = 0; j < line.size(); j++) {
                String cell = line.get(j);
                out.append(cell);
                if (j < widths.size()) {
                    for (int pad = widths.get(j) - runeCount(cell); pad > 0; pad--) {
                        out.append(' ');
                    }
                }
            }
            // The text after the last newline is written without one (Go writes the pending cell).
            if (i + 1 < lines.size()) {
                out.append('\n');
            }
        }
    }

    private static int runeCount(String s) {
        return s.codePointCount(0, s.length());
    }
}
