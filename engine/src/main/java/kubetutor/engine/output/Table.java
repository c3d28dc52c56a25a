package kubetutor.engine.output;

import java.util.List;

/**
 * A table of rows under headers. {@code headers} is empty when the block prints no header line (a
 * watch event after the first, {@code --no-headers}). Rows are aligned with kubectl's tabwriter
 * rule by {@link Tabwriter}.
 */
public record Table(List<String> headers, List<List<Cell>> rows) {
    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    public boolean hasHeader() {
        return !headers.isEmpty();
    }
}
