package kubetutor.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import kubetutor.engine.command.ScriptReader;
import kubetutor.engine.fuzz.HostileCorpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the Python tests in src/test/python against the shaded jar, with real Jupyter (Debian's
 * jupyter_client, nbclient, nbformat, jupyter_kernel_test under /usr/bin/python3) and the
 * kernelspec installed into a temporary JUPYTER_PATH. Without Jupyter it skips, or fails when CI is set.
 */
class KernelJupyterIT {
    private static final String PYTHON = "/usr/bin/python3";
    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void jupyterTestsPass(@TempDir Path tmp) throws Exception {
        requireJupyter();
        Path jar = MODULE.resolve("target/kubetutor-kernel.jar");
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in package, before this test: " + jar);
        KernelSpecInstaller.install(tmp.resolve("share/jupyter/kernels"), jar, KernelSpecInstaller.javaExecutable(), null);
        Path log = MODULE.resolve("target/jupyter-tests.log");
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path corpus = hostileCorpus(work, tmp.resolve("hostile.json"));
        ProcessBuilder pb = new ProcessBuilder(PYTHON, "-m", "unittest", "-v", "test_protocol", "test_notebooks", "test_hostile")
                .directory(work.toFile()) // kernels write %%file here
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", tmp.resolve("share/jupyter").toString());
        env.put("JUPYTER_DATA_DIR", tmp.resolve("data").toString());
        env.put("JUPYTER_CONFIG_DIR", tmp.resolve("config").toString());
        env.put("JUPYTER_RUNTIME_DIR", tmp.resolve("runtime").toString());
        env.put("KUBETUTOR_NOTEBOOKS", MODULE.resolveSibling("notebooks").toString());
        env.put("PYTHONPATH", MODULE.resolve("src/test/python").toString());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("KUBETUTOR_HOSTILE", corpus.toString());
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("the Jupyter tests took longer than 15 minutes; see " + log);
        }
        String out = Files.readString(log);
        System.out.println(summary(out));
        assertEquals(0, p.exitValue(), "Jupyter tests failed (full log: " + log + "):\n" + out);
    }

    /**
     * The regression corpus for test_hostile.py: its files in the kernels' directory, and each entry's
     * commands, one cell each, in {@code json}.
     */
    private static Path hostileCorpus(Path work, Path json) throws IOException {
        JsonArray entries = new JsonArray();
        for (HostileCorpus.Entry e : HostileCorpus.load()) {
            e.writeFiles(work);
            JsonArray cells = new JsonArray(); // as batch mode reads a script: each command once its lines are complete
            StringBuilder pending = new StringBuilder();
            for (String line : e.script().split("\n")) {
                pending.append(line).append('\n');
                if (ScriptReader.check(pending.toString()) == ScriptReader.Completeness.COMPLETE) {
                    cells.add(pending.toString());
                    pending.setLength(0);
                }
            }
            JsonObject o = new JsonObject();
            o.addProperty("name", e.name());
            o.add("cells", cells);
            entries.add(o);
        }
        Files.writeString(json, entries.toString());
        return json;
    }

    /** The unittest verdict lines, so that skips (notebooks waiting for verbs) show in Maven's log. */
    private static String summary(String out) {
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n")) {
            if (line.contains(" ... ") || line.startsWith("Ran ") || line.startsWith("OK") || line.startsWith("FAILED")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private static void requireJupyter() throws IOException, InterruptedException {
        String problem = null;
        if (!new File(PYTHON).canExecute()) {
            problem = PYTHON + " is missing";
        } else {
            Process p = new ProcessBuilder(PYTHON, "-c", "import jupyter_client, nbclient, nbformat, jupyter_kernel_test")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                problem = "Debian's Jupyter packages are missing (" + out.strip() + "); install python3-jupyter-client "
                        + "python3-nbclient python3-nbformat jupyter-nbconvert python3-jupyter-kernel-test";
            }
        }
        if (problem != null) {
            if (System.getenv("CI") != null) {
                fail(problem);
            }
            Assumptions.abort("skipping the Jupyter tests: " + problem);
        }
    }

}
