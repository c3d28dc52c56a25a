package kubetutor.kernel;

import kubetutor.engine.output.Cell;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.output.Sink;
import kubetutor.engine.output.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns one command's outputs into notebook outputs as they come. Tables become displays (a watch's
 * later header-less rows follow, each sent once); YAML, JSON and describe become displays with a
 * {@code <pre>}; the pictures (timeline, cluster map) become SVG displays with their text drawing;
 * messages and logs go to stdout; informational standard error ("No resources
 * found ...") to stderr. Error text is held back: if the command ends with it, it becomes the cell's
 * error; if more output follows, it is streamed to stderr first so the order stays kubectl's.
 * A watched map's later drawings update its display in place, at most a few times a second
 * ({@link MapUpdates}).
 */
final class OutputRouter implements Sink {
    private final Consumer<KernelOutput> out;
    private final Supplier<String> displayIds;
    private final List<String> pendingErrors = new ArrayList<>();
    private final List<String> allErrors = new ArrayList<>();
    private final List<Integer> columnWidths = new ArrayList<>();
    /** Whether the last output was a table, which a header-less block continues. */
    private boolean inTable;
    private final MapUpdates mapUpdates;

    OutputRouter(Consumer<KernelOutput> out, Supplier<String> displayIds) {
        this(out, displayIds, System::nanoTime);
    }

    OutputRouter(Consumer<KernelOutput> out, Supplier<String> displayIds, java.util.function.LongSupplier nanos) {
        this.out = out;
        this.displayIds = displayIds;
        this.mapUpdates = new MapUpdates(out, nanos);
    }

    /** Time passes in a command: a held map update goes out once it is due. */
    void tick() {
        mapUpdates.sendIfDue();
    }

    /** The command ended: the last map of a watch is sent, whatever the time. */
    void finish() {
        mapUpdates.flush();
    }

    @Override
    public void emit(Output o) {
        if (o instanceof Output.Error e && e.isError()) {
            pendingErrors.add(e.text());
            allErrors.add(e.text());
            return;
        }
        flushErrors();
        if (o instanceof Output.TableOutput t) {
            table(t.table(), PlainText.render(o));
            return;
        }
        inTable = false;
        String picture = PictureSvg.html(o);
        if (o instanceof Output.ClusterMapOutput m && m.redraw() != null && mapUpdates.showing()) {
            mapUpdates.offer(bundle(PlainText.render(o), picture));
            return;
        }
        mapUpdates.flush();
        if (picture != null) {
            String id = displayIds.get();
            out.accept(new KernelOutput.Display(id, bundle(PlainText.render(o), picture), false));
            mapUpdates.shown(o instanceof Output.ClusterMapOutput ? id : null);
            return;
        }
        mapUpdates.shown(null);
        if (o instanceof Output.Error e) {
            out.accept(KernelOutput.Stream.stderr(e.text()));
        } else if (o instanceof Output.Text t) {
            switch (t.kind()) {
                case MESSAGE, LOG, HELP -> out.accept(KernelOutput.Stream.stdout(t.text()));
                case LESSON_TITLE -> out.accept(new KernelOutput.Display(displayIds.get(), bundle(t.text(), LessonHtml.title(t.text())), false));
                case LESSON -> out.accept(new KernelOutput.Display(displayIds.get(), bundle(t.text(), LessonHtml.body(t.text())), false));
                case YAML, DESCRIBE -> out.accept(new KernelOutput.Display(displayIds.get(), bundle(t.text(), Html.pre(t)), false));
                case JSON -> out.accept(new KernelOutput.Display(displayIds.get(), JsonBundle.of(t.text(), bundle(t.text(), Html.pre(t))), false));
            }
        }
    }

    /**
     * A table is one display. A watch's later header-less blocks are each a display of their own,
     * carrying only their rows (kubectl's line as plain text): each row is sent once, so a long
     * watch costs what it prints. Their cells get the widths of the columns so far, so in a
     * monospaced font they line up under the header as kubectl's lines do.
     */
    private void table(Table table, String plain) {
        mapUpdates.flush();
        mapUpdates.shown(null);
        boolean continues = inTable && !table.hasHeader();
        if (!continues) {
            columnWidths.clear();
        }
        widen(table);
        inTable = true;
        String html = continues ? Html.rows(table, columnWidths) : Html.table(List.of(table));
        out.accept(new KernelOutput.Display(displayIds.get(), bundle(plain, html), false));
    }

    /** Column widths in characters, as kubectl's tabwriter keeps them for a watch: they only grow. */
    private void widen(Table table) {
        List<Integer> floor = table.widthFloor();
        int columns = table.hasHeader() ? table.headers().size() : table.rows().isEmpty() ? 0 : table.rows().get(0).size();
        for (int i = 0; i < columns; i++) {
            int w = i < floor.size() ? floor.get(i) : 0;
            if (table.hasHeader()) {
                w = Math.max(w, table.headers().get(i).length());
            }
            for (List<Cell> row : table.rows()) {
                if (i < row.size()) {
                    w = Math.max(w, row.get(i).text().length());
                }
            }
            if (i < columnWidths.size()) {
                columnWidths.set(i, Math.max(columnWidths.get(i), w));
            } else {
                columnWidths.add(w);
            }
        }
    }

    private void flushErrors() {
        if (!pendingErrors.isEmpty()) {
            mapUpdates.flush();
        }
        for (String e : pendingErrors) {
            out.accept(KernelOutput.Stream.stderr(e));
        }
        pendingErrors.clear();
    }

    /** Whether the command wrote error text (kubectl's standard error for a failure). */
    boolean failed() {
        return !allErrors.isEmpty();
    }

    /** The error text the cell's error carries: what the command ended with, else everything it wrote there. */
    String failureText() {
        return String.join("", pendingErrors.isEmpty() ? allErrors : pendingErrors);
    }

    private static Map<String, Object> bundle(String plain, String html) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", plain);
        data.put("text/html", html);
        return data;
    }
}
