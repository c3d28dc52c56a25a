package kubetutor.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A notebook run as a learner runs it: Debian's Jupyter Notebook on 127.0.0.1 with a token, the
 * kernelspec installed from the shaded jar, headless Chromium driven through chromedriver, Run All,
 * then what the page shows. Without those programs it skips, saying why; with CI set it fails.
 */
class NotebookBrowserIT {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final List<String> TOOLS = List.of("/usr/bin/jupyter-notebook", "/usr/bin/chromium", "/usr/bin/chromedriver");
    private static final Duration RUN_ALL = Duration.ofSeconds(120);
    /** Selenium warns that it has no DevTools bindings for this Chromium; WebDriver needs none. */
    private static final java.util.logging.Logger DEVTOOLS = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    @Test
    void runAllShowsATableAnErrorAndLeavesTheCellsAfterItUnrun(@TempDir Path tmp) throws Exception {
        requireTools();
        Path jar = MODULE.resolve("target/kubetutor-kernel.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in package, before this test: " + jar);
        KernelSpecInstaller.install(tmp.resolve("share/jupyter/kernels"), jar, KernelSpecInstaller.javaExecutable(), null);
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("browser.ipynb"), notebook(List.of(
                "kubectl create deployment web --image=nginx --replicas=2\nsleep 1m",
                "kubectl get pods",
                "kubectl get nosuchkind",
                "echo never-runs")));
        String token = UUID.randomUUID().toString();
        int port = freePort();
        Process server = startNotebook(tmp, work, port, token);
        WebDriver browser = null;
        try {
            waitForServer(port, token, server);
            browser = chromium(tmp);
            browser.get("http://127.0.0.1:" + port + "/notebooks/browser.ipynb?token=" + token);
            JavascriptExecutor js = (JavascriptExecutor) browser;
            WebDriver page = browser;
            waitFor(Duration.ofSeconds(60), "the notebook's kernel to start", () -> Boolean.TRUE.equals(js.executeScript(
                    "return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()"
                            + " && Jupyter.notebook.kernel.info_reply && Jupyter.notebook.kernel.info_reply.status === 'ok')")));
            // Run All, as the Cell menu's item does it
            js.executeScript("Jupyter.notebook.execute_all_cells()");
            waitFor(RUN_ALL, "Run All to reach the error and the kernel to be idle", () ->
                    !page.findElements(By.cssSelector(".output_error")).isEmpty()
                    && Boolean.TRUE.equals(js.executeScript("return document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null")));

            List<WebElement> cells = browser.findElements(By.cssSelector("#notebook-container .cell"));
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
        } finally {
            if (browser != null) {
                browser.quit();
            }
            server.destroy();
            if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static void waitFor(Duration limit, String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + limit.toSeconds() + " s for " + what);
            }
            Thread.sleep(200);
        }
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

    private static Process startNotebook(Path tmp, Path work, int port, String token) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/jupyter-notebook", "--no-browser", "--ip=127.0.0.1", "--port=" + port,
                "--port-retries=0", "--allow-root", "--NotebookApp.token=" + token, "--notebook-dir=" + work)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(MODULE.resolve("target/notebook-browser-server.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", tmp.resolve("share/jupyter").toString());
        env.put("JUPYTER_DATA_DIR", tmp.resolve("data").toString());
        env.put("JUPYTER_CONFIG_DIR", tmp.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", tmp.resolve("runtime").toString());
        env.put("HOME", tmp.toString());
        return pb.start();
    }

    private static void waitForServer(int port, String token, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("jupyter-notebook exited; see target/notebook-browser-server.log");
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api/status?token=" + token).toURL().openConnection();
                c.setConnectTimeout(1000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("jupyter-notebook did not answer within 60 s; see target/notebook-browser-server.log");
    }

    private static WebDriver chromium(Path tmp) throws IOException {
        DEVTOOLS.setLevel(java.util.logging.Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")), "--window-size=1280,2000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .withLogOutput(Files.newOutputStream(MODULE.resolve("target/notebook-browser-chromedriver.log")))
                .build();
        return new ChromeDriver(service, options);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void requireTools() {
        List<String> missing = TOOLS.stream().filter(t -> !new File(t).canExecute()).toList();
        if (missing.isEmpty()) {
            return;
        }
        String problem = String.join(", ", missing) + " missing: install Debian's jupyter-notebook, chromium and chromium-driver";
        if (System.getenv("CI") != null) {
            fail(problem);
        }
        Assumptions.abort("skipping the real-browser test: " + problem);
    }
}
