package kubetutor.engine.output;

import java.util.List;

/**
 * A table of rows under headers. {@code headers} is empty when the block prints no header line (a
 * watch event after the first, {@code --no-headers}). Rows are aligned with kubectl's tabwriter
 * rule by {@link Tabwriter}.
 *
 * @param widthFloor column widths this block may not shrink below: kubectl's tabwriter remembers
 *                   the widths of what it printed before for the same kind (a watch's lines line up
 *                   under its header, and a wider cell widens the lines after it)
 */
public record Table(List<String> headers, List<List<Cell>> rows, List<Integer> widthFloor) {
    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
        widthFloor = List.copyOf(widthFloor);
    }

    public Table(List<String> headers, List<List<Cell>> rows) {
        this(headers, rows, List.of());
    }

    public boolean hasHeader() {
        return !headers.isEmpty();
    }
}
