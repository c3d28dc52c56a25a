package kubetutor.kernel;

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
 * later header-less rows grow the same display); YAML, JSON and describe become displays with a
 * {@code <pre>}; the pictures (timeline, cluster map) become SVG displays with their text drawing;
 * messages and logs go to stdout; informational standard error ("No resources found ...") to stderr. Error text is held back: if the command ends with it, it becomes the cell's
 * error; if more output follows, it is streamed to stderr first so the order stays kubectl's.
 */
final class OutputRouter implements Sink {
    private final Consumer<KernelOutput> out;
    private final Supplier<String> displayIds;
    private final List<String> pendingErrors = new ArrayList<>();
    private final List<String> allErrors = new ArrayList<>();
    private final List<Table> currentTable = new ArrayList<>();
    private final StringBuilder currentPlain = new StringBuilder();
    private String currentDisplayId;

    OutputRouter(Consumer<KernelOutput> out, Supplier<String> displayIds) {
        this.out = out;
        this.displayIds = displayIds;
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
        currentDisplayId = null;
        String picture = PictureSvg.html(o);
        if (picture != null) {
            out.accept(new KernelOutput.Display(displayIds.get(), bundle(PlainText.render(o), picture), false));
            return;
        }
        if (o instanceof Output.Error e) {
            out.accept(KernelOutput.Stream.stderr(e.text()));
        } else if (o instanceof Output.Text t) {
            switch (t.kind()) {
                case MESSAGE, LOG, HELP -> out.accept(KernelOutput.Stream.stdout(t.text()));
                case LESSON_TITLE -> out.accept(new KernelOutput.Display(displayIds.get(), bundle(t.text(), LessonHtml.title(t.text())), false));
                case LESSON -> out.accept(new KernelOutput.Display(displayIds.get(), bundle(t.text(), LessonHtml.body(t.text())), false));
                case YAML, JSON, DESCRIBE -> out.accept(new KernelOutput.Display(displayIds.get(), bundle(t.text(), Html.pre(t)), false));
            }
        }
    }

    private void table(Table table, String plain) {
        boolean grows = currentDisplayId != null && !table.hasHeader();
        if (!grows) {
            currentDisplayId = displayIds.get();
            currentTable.clear();
            currentPlain.setLength(0);
        }
        currentTable.add(table);
        currentPlain.append(plain);
        out.accept(new KernelOutput.Display(currentDisplayId, bundle(currentPlain.toString(), Html.table(currentTable)), grows));
    }

    private void flushErrors() {
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

    private static Map<String, String> bundle(String plain, String html) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("text/plain", plain);
        data.put("text/html", html);
        return data;
    }
}
