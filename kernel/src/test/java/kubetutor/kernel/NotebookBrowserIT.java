package kubetutor.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notebooks run as a learner runs them ({@link BrowserNotebook}: Jupyter Notebook and headless
 * Chromium), Run All, then what the page shows: tables, errors, and the pictures as drawn SVG.
 */
class NotebookBrowserIT {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Duration RUN_ALL = Duration.ofSeconds(180);

    @Test
    void runAllShowsATableAnErrorAndLeavesTheCellsAfterItUnrun(@TempDir Path tmp) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("browser.ipynb"), notebook(List.of(
                "kubectl create deployment web --image=nginx --replicas=2\nsleep 1m",
                "kubectl get pods",
                "kubectl get nosuchkind",
                "echo never-runs")));
        try (BrowserNotebook nb = BrowserNotebook.open(tmp, work, "browser.ipynb")) {
            nb.runAll();
            nb.waitFor(RUN_ALL, "Run All to reach the error and the kernel to be idle", () ->
                    !nb.page().findElements(By.cssSelector(".output_error")).isEmpty() && nb.kernelIdle());

            List<WebElement> cells = nb.cells();
            assertEquals(4, cells.size());
            assertEquals(List.of("[1]:", "[2]:", "[3]:", "[ ]:"), prompts(cells));

            WebElement table = cells.get(1).findElement(By.cssSelector(".output_area table.kubetutor-table"));
            List<String> headers = table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
            assertEquals(List.of("NAME", "READY", "STATUS", "RESTARTS", "AGE"), headers);
            List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
            assertEquals(2, rows.size());
            for (WebElement row : rows) {
                List<String> cols = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
                assertTrue(cols.get(0).startsWith("web-"), cols.toString());
                assertEquals("1/1", cols.get(1));
                assertEquals("Running", cols.get(2));
            }

            WebElement error = cells.get(2).findElement(By.cssSelector(".output_error"));
            assertEquals("error: the server doesn't have a resource type \"nosuchkind\"", error.getText().strip());
            assertTrue(!error.findElements(By.cssSelector(".ansi-red-fg")).isEmpty(), "the traceback is red: " + error.getAttribute("innerHTML"));

            assertTrue(cells.get(3).findElements(By.cssSelector(".output_area")).isEmpty(), "the cell after the error did not run");
        }
    }

    /**
     * notebooks/09-pictures.ipynb on the notebook's light theme, then on a dark one: the rollout timeline and the
     * cluster map are SVG the page lays out (boxes with a size), titled, with their labels and legend
     * as text dark enough to read on the page's background, and the watched map is one picture,
     * updated in place to its last state, not a pile of maps.
     */
    @Test
    void thePicturesNotebookDrawsReadableSvg(@TempDir Path tmp) throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.copy(MODULE.resolveSibling("notebooks").resolve("09-pictures.ipynb"), work.resolve("pictures.ipynb"));
        try (BrowserNotebook nb = BrowserNotebook.open(tmp, work, "pictures.ipynb")) {
            nb.runAll();
            nb.waitFor(RUN_ALL, "every cell to run and the kernel to be idle", () -> nb.kernelIdle()
                    && prompts(codeCells(nb)).stream().noneMatch(p -> p.equals("[ ]:") || p.equals("[*]:")));
            assertTrue(nb.page().findElements(By.cssSelector(".output_error")).isEmpty(), "no cell failed");
            List<WebElement> code = codeCells(nb);

            WebElement timeline = only(cellRunning(code, "timeline deploy/web\n"), "svg.kubetutor-timeline");
            assertEquals("Rollout timeline of deployment.apps/web", svgTitle(nb, timeline));
            List<String> labels = texts(nb, timeline);
            for (String legend : List.of("pending", "not ready", "ready", "terminating", "revision 1", "revision 2")) {
                assertTrue(labels.contains(legend), "the legend says " + legend + ": " + labels);
            }
            assertEquals(20, labels.stream().filter(l -> l.matches("web-\\w+-\\w{5}  r[12]  worker[12]")).count(), labels.toString());
            assertTrue(labels.stream().anyMatch(l -> l.matches("\\d+  at \\d+s  Scaled up replica set web-\\w+ from 0 to 3")), labels.toString());
            assertReadable(nb, timeline);

            WebElement watched = cellRunning(code, "node stop worker2\ncluster -w");
            assertEquals(1, watched.findElements(By.cssSelector("svg.kubetutor-cluster-map")).size(), "one map, updated in place");
            WebElement map = only(watched, "svg.kubetutor-cluster-map");
            assertTrue(svgTitle(nb, map).matches("Cluster map, \\d+m\\d+s later \\(simulated time since the watch began\\)"), svgTitle(nb, map));
            List<String> mapLabels = texts(nb, map);
            assertTrue(mapLabels.contains("NotReady, machine off"), mapLabels.toString());
            assertEquals(4, mapLabels.stream().filter(l -> l.equals("Terminating")).count(), mapLabels.toString());
            assertTrue(mapLabels.stream().filter(l -> l.startsWith("web-")).allMatch(l -> l.matches("web-\\w+-\\w{5}")),
                    "pod names are whole: " + mapLabels);
            assertReadable(nb, map);

            // A dark theme, as JupyterLab's dark theme sets its variables (near-black layout, white content
            // text) on the outputs: the same pictures still read.
            nb.script("const s = document.createElement('style'); s.textContent = '.output_subarea { background: #111111 !important;"
                    + " color: #ffffff !important; --jp-content-font-color1: rgba(255, 255, 255, 1); }'; document.head.appendChild(s);");
            assertReadable(nb, timeline);
            assertReadable(nb, map);
        }
    }

    private static List<WebElement> codeCells(BrowserNotebook nb) {
        return nb.page().findElements(By.cssSelector("#notebook-container .cell.code_cell"));
    }

    private static WebElement cellRunning(List<WebElement> cells, String sourceStart) {
        for (WebElement c : cells) {
            String source = c.findElement(By.cssSelector(".input_area")).getText();
            if ((source + "\n").startsWith(sourceStart)) {
                return c;
            }
        }
        throw new AssertionError("no cell starts with " + sourceStart);
    }

    private static WebElement only(WebElement cell, String css) {
        List<WebElement> found = cell.findElements(By.cssSelector(".output_area " + css));
        assertEquals(1, found.size(), css + " in " + cell.getText());
        return found.get(0);
    }

    private static String svgTitle(BrowserNotebook nb, WebElement svg) {
        return (String) nb.script("return arguments[0].querySelector(':scope > title').textContent", svg);
    }

    /** The SVG's text elements as the page has them, each laid out with a size (so drawn, not hidden). */
    @SuppressWarnings("unchecked")
    private static List<String> texts(BrowserNotebook nb, WebElement svg) {
        return (List<String>) nb.script("return Array.from(arguments[0].querySelectorAll('text'))"
                + ".filter(t => { const b = t.getBBox(); return b.width > 0 && b.height > 0; }).map(t => t.textContent)", svg);
    }

    /**
     * Every label's colour against the page's background behind the picture: WCAG's contrast ratio
     * of at least 4.5 for text in currentColor and 3 for a status word in its status colour (which
     * repeats what the word says), so the picture reads on the light theme.
     */
    @SuppressWarnings("unchecked")
    private static void assertReadable(BrowserNotebook nb, WebElement svg) {
        List<Map<String, Object>> worst = (List<Map<String, Object>>) nb.script("""
                const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
                const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                                   return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                let el = arguments[0], bg = 'rgba(0, 0, 0, 0)';
                while (el && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) { bg = getComputedStyle(el).backgroundColor; el = el.parentElement; }
                const backRgb = bg === 'rgba(0, 0, 0, 0)' ? [255, 255, 255] : rgb(bg), back = lum(backRgb);
                return Array.from(arguments[0].querySelectorAll('text')).map(t => {
                  // Opacity blends the colour channels over the background, as the browser paints them.
                  const s = getComputedStyle(t), o = Number(s.opacity);
                  const fore = lum(rgb(s.fill).map((v, i) => v * o + backRgb[i] * (1 - o)));
                  const ratio = (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
                  return {text: t.textContent, ratio: ratio, status: s.fill !== s.color};
                }).filter(t => t.ratio < (t.status ? 3 : 4.5));
                """, svg);
        assertEquals(List.of(), worst, "labels too faint on the page's background");
    }

    private static List<String> prompts(List<WebElement> cells) {
        List<String> out = new ArrayList<>();
        for (WebElement c : cells) {
            String p = c.findElement(By.cssSelector(".input_prompt")).getText();
            out.add(p.replace("In", "").replace('\u00a0', ' ').strip());
        }
        return out;
    }

    private static String notebook(List<String> sources) {
        JsonObject nb = new JsonObject();
        JsonArray cells = new JsonArray();
        for (String s : sources) {
            JsonObject c = new JsonObject();
            c.addProperty("cell_type", "code");
            c.add("execution_count", null);
            c.add("metadata", new JsonObject());
            c.add("outputs", new JsonArray());
            c.add("source", new JsonPrimitive(s));
            cells.add(c);
        }
        nb.add("cells", cells);
        JsonObject spec = new JsonObject();
        spec.addProperty("name", KernelSpecInstaller.NAME);
        spec.addProperty("display_name", "Kubernetes (kubetutor)");
        spec.addProperty("language", "kubectl");
        JsonObject meta = new JsonObject();
        meta.add("kernelspec", spec);
        nb.add("metadata", meta);
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        return nb.toString();
    }
}
