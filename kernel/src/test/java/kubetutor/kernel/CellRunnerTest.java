package kubetutor.kernel;

import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cells in, notebook outputs out: what a learner sees for each kind of cell. */
class CellRunnerTest {
    @TempDir
    Path work;

    private final List<KernelOutput> outputs = new ArrayList<>();

    private KernelOutput.Failure run(String cell) throws Exception {
        Session session = new Session(new SessionOptions(1, null, work));
        int[] n = {0};
        return new CellRunner(session, () -> "d" + ++n[0]).run(cell, outputs::add);
    }

    @Test
    void aTableIsOneDisplayWithKubectlsPlainTextAndAnHtmlTable() throws Exception {
        assertNull(run("kubectl get nodes"));
        KernelOutput.Display d = (KernelOutput.Display) outputs.get(0);
        assertEquals("""
                NAME      STATUS   ROLES           AGE   VERSION
                master    Ready    control-plane   2d    v1.32.4
                worker1   Ready    <none>          2d    v1.32.4
                worker2   Ready    <none>          2d    v1.32.4
                """, d.text("text/plain"));
        assertTrue(d.text("text/html").startsWith("<table class=\"kubetutor-table\""));
        assertTrue(d.text("text/html").contains("<th scope=\"col\" style="));
        assertTrue(d.text("text/html").contains("<td class=\"kubetutor-ok\""));
        assertEquals(1, outputs.size());
    }

    @Test
    void noResourcesFoundIsStderrNotAnError() throws Exception {
        assertNull(run("kubectl get pods"));
        assertEquals(List.of(KernelOutput.Stream.stderr("No resources found in default namespace.\n")), outputs);
    }

    @Test
    void kubectlsErrorIsTheCellsErrorWordForWord() throws Exception {
        KernelOutput.Failure f = run("kubectl get pod web");
        assertEquals(new KernelOutput.Failure("KubectlError", "Error from server (NotFound): pods \"web\" not found",
                List.of("Error from server (NotFound): pods \"web\" not found")), f);
        assertEquals(List.of(), outputs);
    }

    @Test
    void kubectlEditSaysANotebookHasNoEditorAndWhatToDoInstead() throws Exception {
        KernelOutput.Failure f = run("kubectl create namespace dev\nkubectl edit namespace/dev");
        String message = "error: kubectl edit opens an editor in a terminal, and a notebook has none: put the changed"
                + " manifest in a cell of its own (a YAML cell is applied as 'kubectl apply -f -' applies it), or write it to"
                + " a file with %%file and run 'kubectl apply -f FILE'";
        assertEquals(new KernelOutput.Failure("KubectlError", message, List.of(message)), f);
    }

    @Test
    void aCellStopsAtItsFirstFailingCommand() throws Exception {
        KernelOutput.Failure f = run("echo one\nnosuchcommand\necho two");
        assertEquals("CommandError", f.ename());
        assertEquals("sh: nosuchcommand: not found", f.evalue());
        assertEquals(List.of(KernelOutput.Stream.stdout("one\n")), outputs);
    }

    @Test
    void aFailureHandledWithOrShowsKubectlsMessageAndTheCellGoesOn() throws Exception {
        assertNull(run("kubectl get pod web || echo handled\necho after"));
        assertEquals(List.of(KernelOutput.Stream.stderr("Error from server (NotFound): pods \"web\" not found\n"),
                KernelOutput.Stream.stdout("handled\n"), KernelOutput.Stream.stdout("after\n")), outputs);
    }

    @Test
    void aFailureBeforeAndAndEndsTheCell() throws Exception {
        KernelOutput.Failure f = run("kubectl get pod web && echo skipped\necho never");
        assertEquals("Error from server (NotFound): pods \"web\" not found", f.evalue());
        assertEquals(List.of(), outputs);
    }

    @Test
    void aManifestCellIsAppliedThroughAHereDocument() {
        String manifest = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n";
        assertTrue(CellRunner.isManifest("# a comment\n" + manifest));
        assertTrue(CellRunner.isManifest("---\n" + manifest));
        assertEquals("kubectl apply -f - << '__EOF__'\n" + manifest + "__EOF__\n", CellRunner.applyScript(manifest));
        var commands = kubetutor.engine.command.ScriptReader.read(CellRunner.applyScript(manifest));
        assertEquals(List.of("kubectl", "apply", "-f", "-"), commands.get(0).words());
        assertEquals(manifest, commands.get(0).stdin());
    }

    @Test
    void fileMagicWritesAWorkspaceFile() throws Exception {
        assertNull(run("%%file pod.yaml\napiVersion: v1\nkind: Pod"));
        assertEquals("apiVersion: v1\nkind: Pod\n", Files.readString(work.resolve("pod.yaml")));
        assertEquals(List.of(KernelOutput.Stream.stdout("Wrote pod.yaml\n")), outputs);
    }

    @Test
    void fileMagicStaysInTheWorkspace() throws Exception {
        Path inside = Files.createDirectories(work.resolve("ws"));
        Session session = new Session(new SessionOptions(1, null, inside));
        CellRunner runner = new CellRunner(session, () -> "d");
        assertNull(runner.run("%%file ../x\nhello", outputs::add));
        assertNull(runner.run("%%file /etc/y\nhello", outputs::add));
        assertEquals("hello\n", Files.readString(inside.resolve("x")));
        assertEquals("hello\n", Files.readString(inside.resolve("etc/y")));
        assertTrue(Files.notExists(work.resolve("x")));
    }

    @Test
    void lineMagicsAreTheSessionsOwnCommands() throws Exception {
        assertEquals("reset\nsleep 5m\n", CellRunner.lineMagics("%reset\n%sleep 5m"));
        assertNull(CellRunner.lineMagics("%timeit kubectl get pods"));
        assertNull(run("%reset"));
        assertEquals(List.of(KernelOutput.Stream.stdout("A fresh cluster is ready.\n")), outputs);
        assertEquals("UsageError", run("%nosuch").ename());
    }

    @Test
    void anInterruptedSleepEndsTheCellAsKeyboardInterrupt() throws Exception {
        Session session = new Session(new SessionOptions(1, null, work));
        CellRunner runner = new CellRunner(session, () -> "d");
        runner.run("clock realtime", outputs::add);
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            runner.interrupt();
        });
        stopper.start();
        long start = System.nanoTime();
        KernelOutput.Failure f = runner.run("sleep 5m", outputs::add);
        assertEquals("KeyboardInterrupt", f.ename());
        assertTrue(System.nanoTime() - start < 3_000_000_000L);
        assertNull(runner.run("echo after", outputs::add));
    }

    @Test
    void execItInANotebookWarnsAsKubectlWithoutATerminalAndLeavesNoShellAttached() throws Exception {
        Session session = new Session(new SessionOptions(1, null, work));
        CellRunner runner = new CellRunner(session, () -> "d");
        assertNull(runner.run("kubectl run web --image=nginx\nsleep 1m", outputs::add));
        outputs.clear();
        assertNull(runner.run("kubectl exec -it web -- sh", outputs::add));
        assertEquals(List.of(KernelOutput.Stream.stderr("Unable to use a TTY - input is not a terminal or the right kind of file\n")), outputs);
        assertTrue(session.terminal().isEmpty());
        outputs.clear();
        assertNull(runner.run("kubectl exec -it web -- ls /usr/share/nginx/html", outputs::add));
        assertEquals(List.of(KernelOutput.Stream.stderr("Unable to use a TTY - input is not a terminal or the right kind of file\n"),
                KernelOutput.Stream.stdout("index.html\n")), outputs);
    }

    @Test
    void runItInANotebookEndsWithTheShellWhoseInputEndsAtOnce() throws Exception {
        Session session = new Session(new SessionOptions(1, null, work));
        CellRunner runner = new CellRunner(session, () -> "d");
        assertNull(runner.run("kubectl run -it --rm box --image=busybox --restart=Never -- sh", outputs::add));
        assertEquals(List.of(KernelOutput.Stream.stderr("Unable to use a TTY - input is not a terminal or the right kind of file\n"),
                KernelOutput.Stream.stderr("If you don't see a command prompt, try pressing enter.\n"),
                KernelOutput.Stream.stdout("pod \"box\" deleted\n")), outputs);
        assertTrue(session.terminal().isEmpty());
    }

    @Test
    void aWatchSendsEachNewRowOnceLinedUpUnderTheHeader() throws Exception {
        assertNull(run("kubectl create deployment web --image=nginx --replicas=2\nkubectl get pods -w --request-timeout=20s"));
        List<KernelOutput.Display> displays = outputs.stream().filter(o -> o instanceof KernelOutput.Display)
                .map(o -> (KernelOutput.Display) o).toList();
        assertTrue(displays.size() > 2, "rows after the first table: " + outputs);
        KernelOutput.Display first = displays.get(0);
        assertTrue(first.text("text/plain").startsWith("NAME "));
        assertTrue(first.text("text/html").contains("<thead>"));
        for (KernelOutput.Display row : displays.subList(1, displays.size())) {
            assertEquals(false, row.update());
            assertEquals(1, row.text("text/plain").lines().count(), row.text("text/plain"));
            assertTrue(row.text("text/html").startsWith("<table class=\"kubetutor-table kubetutor-rows\""));
            assertTrue(row.text("text/html").contains(";width:"));
            assertTrue(!row.text("text/html").contains("<thead>"));
        }
    }

    @Test
    void jsonIsAlsoApplicationJson() throws Exception {
        assertNull(run("kubectl get node master -o json"));
        KernelOutput.Display d = (KernelOutput.Display) outputs.get(0);
        com.google.gson.JsonObject json = (com.google.gson.JsonObject) d.data().get("application/json");
        assertEquals("master", json.getAsJsonObject("metadata").get("name").getAsString());
        assertTrue(d.text("text/plain").startsWith("{\n    \"apiVersion\": \"v1\","));
        outputs.clear();
        assertNull(run("kubectl get node master -o jsonpath='{.metadata.name}'"));
        assertEquals(List.of(KernelOutput.Stream.stdout("master")), outputs);
    }

    @Test
    void lsmagicListsTheMagics() throws Exception {
        assertNull(run("%lsmagic"));
        assertEquals(List.of(KernelOutput.Stream.stdout("Available line magics:\n"), KernelOutput.Stream.stdout("%lsmagic  %reset  %sleep\n"),
                KernelOutput.Stream.stdout("\n"), KernelOutput.Stream.stdout("Available cell magics:\n"),
                KernelOutput.Stream.stdout("%%file\n")), outputs);
        assertEquals("unknown magic %nosuch (the magics are %lsmagic, %reset, %sleep DURATION and %%file NAME)", run("%nosuch").evalue());
    }
}
