package kubetutor.engine.kubectl.printer;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.jsonpath.GoValues;
import kubetutor.engine.kubectl.jsonpath.JsonPath;
import kubetutor.engine.kubectl.jsonpath.JsonPathException;
import kubetutor.engine.output.Cell;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Table;
import kubetutor.engine.output.Tabwriter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -o custom-columns=HEADER:PATH,...}: one row per object (per item of a List), each cell
 * every value its path finds, comma-joined as Go's fmt prints them, {@code <none>} when nothing.
 * The header is printed once; later blocks (watch events) keep the widths printed before.
 */
final class CustomColumns extends TemplateOutput {
    /** kubectl's RelaxedJSONPathExpression: "a.b", ".a.b", "{a.b}" and "{.a.b}" all mean "{.a.b}". */
    private static final Pattern RELAXED = Pattern.compile("^\\{\\.?([^{}]+)}$|^\\.?([^{}]+)$", Pattern.DOTALL);

    private record Column(String header, JsonPath path) {}

    private final Invocation inv;
    private final List<Column> columns;
    private final boolean noHeaders;
    private boolean headerPrinted;
    private List<Integer> widths = List.of();

    private CustomColumns(Invocation inv, List<Column> columns, boolean noHeaders) {
        this.inv = inv;
        this.columns = columns;
        this.noHeaders = noHeaders;
    }

    static CustomColumns fromSpec(Invocation inv, String spec, boolean noHeaders) {
        List<Column> columns = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            String[] headerAndPath = part.split(":", 2);
            if (headerAndPath.length != 2) {
                throw new UsageException("error: unexpected custom-columns spec: " + part
                        + ", expected <header>:<json-path-expr>");
            }
            columns.add(new Column(headerAndPath[0], path(headerAndPath[1])));
        }
        return new CustomColumns(inv, columns, noHeaders);
    }

    /** A file of two lines, headers then paths, each whitespace-separated; kubectl prints its header even with --no-headers. */
    static CustomColumns fromFile(Invocation inv, String name, String text) {
        String[] lines = text.split("\n", -1);
        String expected = " Expected format is one line of space separated headers, one line of space separated column specs.";
        if (text.isEmpty()) {
            throw new UsageException("error: invalid template, missing header line." + expected);
        }
        if (lines.length < 2 || lines.length == 2 && lines[1].isEmpty()) {
            throw new UsageException("error: invalid template, missing spec line." + expected);
        }
        List<String> headers = fields(lines[0]);
        List<String> specs = fields(lines[1]);
        if (headers.size() != specs.size()) {
            throw new UsageException("error: number of headers (" + headers.size() + ") and field specifications ("
                    + specs.size() + ") don't match");
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            columns.add(new Column(headers.get(i), path(specs.get(i))));
        }
        return new CustomColumns(inv, columns, false);
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        for (String f : line.strip().split("\\s+")) {
            if (!f.isEmpty()) {
                out.add(f);
            }
        }
        return out;
    }

    private static JsonPath path(String expression) {
        String template = "";
        if (!expression.isEmpty()) {
            Matcher m = RELAXED.matcher(expression);
            if (!m.matches()) {
                throw new UsageException("error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
            }
            template = "{." + (m.group(1) != null ? m.group(1) : m.group(2)) + "}";
        }
        try {
            return JsonPath.parse(template);
        } catch (JsonPathException e) {
            throw new UsageException("error: " + e.getMessage());
        }
    }

    @Override
    public void print(JsonNode object) {
        List<String> headers = new ArrayList<>();
        if (!noHeaders && !headerPrinted) {
            columns.forEach(c -> headers.add(c.header()));
        }
        headerPrinted = true;
        List<List<Cell>> rows = new ArrayList<>();
        boolean list = object.path("kind").asText("").endsWith("List") && object.path("items").isArray();
        try {
            if (list) {
                for (JsonNode item : object.path("items")) {
                    rows.add(row(item));
                }
            } else {
                rows.add(row(object));
            }
        } catch (JsonPathException e) {
            // kubectl's tabwriter still flushes the rows written before the failing one.
            emit(headers, rows);
            throw new UsageException("error: " + e.getMessage());
        }
        emit(headers, rows);
    }

    private List<Cell> row(JsonNode object) throws JsonPathException {
        List<Cell> cells = new ArrayList<>();
        for (Column c : columns) {
            List<List<JsonNode>> values = c.path().find(object, true);
            List<String> texts = new ArrayList<>();
            if (values.isEmpty() || values.get(0).isEmpty()) {
                texts.add("<none>");
            }
            for (List<JsonNode> results : values) {
                for (JsonNode v : results) {
                    texts.add(GoValues.sprint(v));
                }
            }
            cells.add(Cell.plain(String.join(",", texts)));
        }
        return cells;
    }

    private void emit(List<String> headers, List<List<Cell>> rows) {
        if (headers.isEmpty() && rows.isEmpty()) {
            return;
        }
        Table table = new Table(headers, rows, widths);
        List<Integer> next = new ArrayList<>();
        for (int w : Tabwriter.widths(table)) {
            next.add(w);
        }
        widths = next;
        inv.sink().emit(new Output.TableOutput(table));
    }
}
