package kubetutor.shell;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static kubetutor.shell.TmuxTerminal.after;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code serve} typed at the shell's prompt, and the real kubectl 1.32 as the second terminal on
 * the same cluster: it lists what the shell created, its watch streams as the shell changes the
 * cluster, and what it creates the shell sees. Skips without kubectl 1.32 on the PATH (fails on CI).
 */
class ServeInShellIT {
    @TempDir
    Path home;
    private TmuxTerminal t;
    private Process watch;

    @AfterEach
    void stop() throws Exception {
        if (watch != null) {
            watch.destroy();
        }
        if (t != null) {
            t.close();
        }
    }

    @Test
    void theRealKubectlInASecondTerminal() throws Exception {
        String problem = kubectlProblem();
        if (problem != null) {
            if (System.getenv("CI") != null) {
                fail(problem);
            }
            Assumptions.abort("skipping: " + problem);
        }
        t = TmuxTerminal.start(home);
        t.run("kubectl run web --image=nginx", "created", x -> after(x, "kubectl run web --image=nginx").contains("pod/web created"));
        String served = t.run("serve --kubeconfig second.kubeconfig", "serving",
                x -> after(x, "serve --kubeconfig second.kubeconfig").stream().anyMatch(l -> l.startsWith("Use it from another terminal:")));
        assertTrue(after(served, "serve --kubeconfig second.kubeconfig").get(0).matches(
                "Serving this cluster on https://127\\.0\\.0\\.1:\\d+ \\('serve stop' ends it\\)\\."), served);
        assertTrue(after(served, "serve --kubeconfig second.kubeconfig")
                .contains("Use it from another terminal:  export KUBECONFIG=" + home.resolve("second.kubeconfig")), served);

        String pods = real("get", "pods", "-o", "name");
        assertEquals("pod/web\n", pods);
        // describe computes event ages on kubectl's side, against the wall clock: the shell's cluster started today
        String scheduled = real("describe", "pod", "web").lines().filter(l -> l.contains(" Scheduled ")).findFirst().orElse("");
        assertTrue(scheduled.matches("\\s+Normal\\s+Scheduled\\s+(\\d{1,2}s|\\dm\\d*s?)\\s+default-scheduler\\s+.*"), scheduled);

        // The second terminal's watch streams what the first one does.
        watch = kubectl("get", "pods", "-w").start();
        StringBuffer streamed = new StringBuffer();
        Thread reader = new Thread(() -> copy(watch.getInputStream(), streamed));
        reader.setDaemon(true);
        reader.start();
        t.run("kubectl run api --image=nginx", "created", x -> after(x, "kubectl run api --image=nginx").contains("pod/api created"));
        long end = System.currentTimeMillis() + 60_000;
        while (!streamed.toString().lines().anyMatch(l -> l.startsWith("api ") && l.contains("Running"))) {
            if (System.currentTimeMillis() > end) {
                fail("the watch did not see api running; it printed:\n" + streamed);
            }
            Thread.sleep(100);
        }

        // What the second terminal changes, the first sees.
        assertEquals("deployment.apps/second created\n", real("create", "deployment", "second", "--image=nginx"));
        t.run("kubectl get deploy -o name", "the second terminal's deployment",
                x -> after(x, "kubectl get deploy -o name").contains("deployment.apps/second"));

        t.run("serve", "where it serves", x -> after(x, "serve").stream().anyMatch(l -> l.startsWith("Serving this cluster on https://127.0.0.1:")));
        t.run("serve stop", "stopped", x -> after(x, "serve stop").stream().anyMatch(l -> l.startsWith("Stopped serving on https://127.0.0.1:")));
        t.run("serve stop", "not serving", x -> after(x, "serve stop").contains("serve: not serving"));
    }

    private ProcessBuilder kubectl(String... args) {
        ProcessBuilder pb = new ProcessBuilder(concat(args));
        pb.environment().put("KUBECONFIG", home.resolve("second.kubeconfig").toString());
        return pb;
    }

    private String real(String... args) throws IOException, InterruptedException {
        Process p = kubectl(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl did not end");
        return out;
    }

    private static String[] concat(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "kubectl";
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    private static void copy(InputStream in, StringBuffer into) {
        try {
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0; ) {
                into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the watch was stopped
        }
    }

    private static String kubectlProblem() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && text.contains("v1.32") ? null : "kubectl is not version 1.32: " + text.trim();
        } catch (IOException | InterruptedException e) {
            return "no kubectl on the PATH";
        }
    }
}
