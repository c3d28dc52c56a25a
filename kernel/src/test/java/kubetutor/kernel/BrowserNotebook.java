package kubetutor.kernel;

import org.junit.jupiter.api.Assumptions;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A notebook open in a real browser, as a learner has it: Debian's Jupyter Notebook on 127.0.0.1
 * with a token and the kernelspec installed from the shaded jar, and headless Chromium driven
 * through chromedriver. Closing it ends the browser and the server. Without those programs the
 * test skips, saying why; with CI set it fails.
 */
final class BrowserNotebook implements AutoCloseable {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final List<String> TOOLS = List.of("/usr/bin/jupyter-notebook", "/usr/bin/chromium", "/usr/bin/chromedriver");
    /** Selenium warns that it has no DevTools bindings for this Chromium; WebDriver needs none. */
    private static final java.util.logging.Logger DEVTOOLS = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private final Process server;
    private final WebDriver browser;

    /** Opens {@code work/NAME} (a notebook already written there), its kernel started and connected. */
    static BrowserNotebook open(Path tmp, Path work, String name) throws Exception {
        requireTools();
        Path jar = MODULE.resolve("target/kubetutor-kernel.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in package, before this test: " + jar);
        KernelSpecInstaller.install(tmp.resolve("share/jupyter/kernels"), jar, KernelSpecInstaller.javaExecutable(), null);
        String token = UUID.randomUUID().toString();
        int port = freePort();
        Process server = startNotebook(tmp, work, port, token);
        WebDriver browser = null;
        try {
            waitForServer(port, token, server);
            browser = chromium(tmp);
            BrowserNotebook nb = new BrowserNotebook(server, browser);
            browser.get("http://127.0.0.1:" + port + "/notebooks/" + name + "?token=" + token);
            nb.waitFor(Duration.ofSeconds(60), "the notebook's kernel to start", () -> Boolean.TRUE.equals(nb.script(
                    "return !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()"
                            + " && Jupyter.notebook.kernel.info_reply && Jupyter.notebook.kernel.info_reply.status === 'ok')")));
            return nb;
        } catch (Exception | Error e) {
            if (browser != null) {
                browser.quit();
            }
            server.destroy();
            throw e;
        }
    }

    private BrowserNotebook(Process server, WebDriver browser) {
        this.server = server;
        this.browser = browser;
    }

    WebDriver page() {
        return browser;
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    /** Run All, as the Cell menu's item does it. */
    void runAll() {
        script("Jupyter.notebook.execute_all_cells()");
    }

    boolean kernelIdle() {
        return Boolean.TRUE.equals(script("return document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null"));
    }

    List<WebElement> cells() {
        return browser.findElements(By.cssSelector("#notebook-container .cell"));
    }

    void waitFor(Duration limit, String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + limit.toSeconds() + " s for " + what);
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() throws InterruptedException {
        browser.quit();
        server.destroy();
        if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
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
