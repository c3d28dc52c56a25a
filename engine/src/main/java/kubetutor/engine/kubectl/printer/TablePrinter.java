package kubetutor.engine.kubectl.printer;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.WatchEvent;
import kubetutor.engine.kubectl.Formats;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.output.Cell;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Style;
import kubetutor.engine.output.Table;
import kubetutor.engine.output.Tabwriter;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns objects into what {@code kubectl get} prints: tables (with -A's NAMESPACE column,
 * --show-labels, -L, --no-headers, kind prefixes for several kinds), names, YAML and JSON, and the
 * line-at-a-time output of a watch.
 */
public final class TablePrinter {
    private final Invocation inv;
    private final boolean withKind;
    private boolean printedBlock;
    private boolean watchHeaderPrinted;
    /** What kubectl's tabwriter remembers: the widths printed so far for one kind, reset when the kind changes. */
    private ResourceType widthsOf;
    private List<Integer> rememberedWidths = List.of();

    public TablePrinter(Invocation inv, boolean withKind) {
        this.inv = inv;
        this.withKind = withKind;
    }

    public void print(ResourceType type, List<JsonNode> objects, String output) {
        if (output.equals("name")) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode o : objects) {
                sb.append(type.qualifiedKindLower()).append('/').append(Meta.name(o)).append('\n');
            }
            inv.sink().emit(new Output.Text(sb.toString(), Output.TextKind.MESSAGE));
            return;
        }
        if (printedBlock) {
            inv.sink().emit(new Output.Text("\n", Output.TextKind.MESSAGE));
        }
        printedBlock = true;
        boolean header = !inv.args().bool("no-headers");
        // With --output-watch-events the first listing already comes as ADDED events.
        boolean asEvents = (inv.args().bool("watch") || inv.args().bool("watch-only")) && inv.args().bool("output-watch-events");
        emit(type, table(type, objects, output.equals("wide"), header, asEvents, WatchEvent.Type.ADDED.name()));
        watchHeaderPrinted = true;
    }

    public void document(List<JsonNode> objects, boolean single, String output) {
        JsonNode doc = single ? objects.get(0) : Formats.list(objects);
        String text = output.equals("yaml") ? Formats.yaml(doc) : Formats.json(doc);
        inv.sink().emit(new Output.Text(text, output.equals("yaml") ? Output.TextKind.YAML : Output.TextKind.JSON));
    }

    /** One watch event: kubectl flushes each line by itself, on a tabwriter that remembers earlier widths. */
    public void watchEvent(WatchEvent e, String output, boolean withEventType) {
        if (output.equals("yaml") || output.equals("json")) {
            if (output.equals("yaml") && watchHeaderPrinted) {
                inv.sink().emit(new Output.Text("---\n", Output.TextKind.YAML));
            }
            document(List.of(e.object()), true, output);
            watchHeaderPrinted = true;
            return;
        }
        if (output.equals("name")) {
            print(e.resource(), List.of(e.object()), output);
            return;
        }
        boolean header = !watchHeaderPrinted && !inv.args().bool("no-headers");
        emit(e.resource(), table(e.resource(), List.of(e.object()), output.equals("wide"), header, withEventType,
                e.type().name()));
        watchHeaderPrinted = true;
    }

    private void emit(ResourceType type, Table table) {
        if (type != widthsOf) {
            widthsOf = type;
            rememberedWidths = List.of();
        }
        Table floored = new Table(table.headers(), table.rows(), rememberedWidths);
        List<Integer> widths = new ArrayList<>();
        for (int w : Tabwriter.widths(floored)) {
            widths.add(w);
        }
        for (int c = widths.size(); c < rememberedWidths.size(); c++) {
            widths.add(rememberedWidths.get(c));
        }
        rememberedWidths = widths;
        inv.sink().emit(new Output.TableOutput(floored));
    }

    private Table table(ResourceType type, List<JsonNode> objects, boolean wide, boolean header, boolean eventColumn,
                        String eventType) {
        Columns cols = TableColumns.of(type);
        boolean namespaceColumn = inv.args().bool("all-namespaces") && type.namespaced();
        List<String> labelColumns = new ArrayList<>();
        for (String l : inv.args().all("label-columns")) {
            labelColumns.add(l.trim());
        }
        boolean showLabels = inv.args().bool("show-labels");
        List<String> headers = new ArrayList<>();
        if (eventColumn) {
            headers.add("EVENT");
        }
        if (namespaceColumn) {
            headers.add("NAMESPACE");
        }
        for (int i = 0; i < cols.headers().size(); i++) {
            if (wide || !cols.wideOnly().get(i)) {
                headers.add(cols.headers().get(i));
            }
        }
        for (String l : labelColumns) {
            String last = l.contains("/") ? l.substring(l.lastIndexOf('/') + 1) : l;
            headers.add(last.toUpperCase(java.util.Locale.ROOT));
        }
        if (showLabels) {
            headers.add("LABELS");
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (JsonNode o : objects) {
            List<Cell> row = new ArrayList<>();
            if (eventColumn) {
                row.add(Cell.plain(eventType));
            }
            if (namespaceColumn) {
                row.add(Cell.plain(Meta.namespace(o)));
            }
            List<Cell> cells = cols.row(o, inv.now());
            for (int i = 0; i < cells.size(); i++) {
                if (wide || !cols.wideOnly().get(i)) {
                    Cell c = cells.get(i);
                    if (i == 0 && withKind) {
                        c = new Cell(type.qualifiedKindLower() + "/" + c.text(), c.style());
                    }
                    row.add(c);
                }
            }
            if (!labelColumns.isEmpty() || showLabels) {
                var labels = Meta.labels(o);
                for (String l : labelColumns) {
                    row.add(Cell.plain(labels.getOrDefault(l, "")));
                }
                if (showLabels) {
                    row.add(Cell.plain(Selectors.formatLabels(labels)));
                }
            }
            if (Meta.isTerminating(o)) {
                row = dim(row);
            }
            rows.add(row);
        }
        return new Table(header ? headers : List.of(), rows);
    }

    private static List<Cell> dim(List<Cell> row) {
        List<Cell> out = new ArrayList<>(row.size());
        for (Cell c : row) {
            out.add(c.style() == Style.PLAIN ? new Cell(c.text(), Style.DIM) : c);
        }
        return out;
    }
}
