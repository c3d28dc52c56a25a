package kubetutor.apiserver;

import kubetutor.engine.session.ClockMode;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real kubectl 1.32's streams against {@code serve}, with the clock running (twenty simulated
 * seconds a second): exec over WebSocket into the simulated busybox, its output, its exit status,
 * a script on standard input, an interactive shell on a terminal; logs -f, attach and port-forward;
 * and the refusals kubectl prints
 * when there is no container to reach. Skips without kubectl 1.32 on the PATH.
 */
class StreamsIT {
    private static final double SPEED = 20;

    @TempDir
    static Path dir;
    static Server server;
    static Path kubeconfig;

    /** What a kubectl run printed (stdout and stderr apart) and its exit status. */
    record Run(String out, String err, int code) {}

    @BeforeAll
    static void start() throws Exception {
        String problem = RealKubectl.problem();
        if (problem != null) {
            System.err.println("StreamsIT skipped: " + problem);
            Assumptions.abort("skipping the real kubectl stream tests: " + problem);
        }
        Session session = new Session(new SessionOptions(1, null, dir, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        session.startClockIn(ClockMode.realtime(SPEED));
        server = new Server(session, 0, SPEED);
        kubeconfig = dir.resolve("serve.kubeconfig");
        Kubeconfig.write(kubeconfig, server.port(), server.token(), server.authorityData());
        assertEquals("pod/box created\n", kubectl("", "run", "box", "--image=busybox", "--", "sleep", "3600").out());
        for (int i = 0; i < 600 && !kubectl("", "get", "pod", "box", "-o", "jsonpath={.status.phase}").out().equals("Running"); i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void execPrintsWhatTheCommandPrintsAndExitsWithItsStatus() throws Exception {
        assertEquals(new Run("hello\n", "", 0), kubectl("", "exec", "box", "--", "echo", "hello"));
        assertEquals(new Run("out\n", "err\ncommand terminated with exit code 3\n", 3),
                kubectl("", "exec", "box", "--", "sh", "-c", "echo out; echo err >&2; exit 3"));
        assertEquals(new Run("OCI runtime exec failed: exec failed: unable to start container process: exec: \"nosuch\": "
                + "executable file not found in $PATH: unknown\n", "command terminated with exit code 126\n", 126),
                kubectl("", "exec", "box", "--", "nosuch"));
    }

    @Test
    void aSleepInsideExecTakesItsSimulatedTime() throws Exception {
        long start = System.nanoTime();
        assertEquals(new Run("before\nafter\n", "", 0), kubectl("", "exec", "box", "--", "sh", "-c", "echo before; sleep 60; echo after"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 60_000 / SPEED, "sixty simulated seconds at " + SPEED + "x took " + millis + " ms");
    }

    @Test
    void aScriptOnStandardInputRunsInTheContainersShell() throws Exception {
        assertEquals(new Run("made\nnote\n", "", 0),
                kubectl("echo made > /tmp/note; cat /tmp/note; ls /tmp\n", "exec", "-i", "box", "--", "sh"));
        assertEquals(new Run("made\n", "", 0), kubectl("", "exec", "box", "--", "cat", "/tmp/note"));
    }

    @Test
    void anInteractiveShellOnATerminalEchoesAndExitsWithItsStatus() throws Exception {
        Assumptions.assumeTrue(new java.io.File("/usr/bin/script").canExecute(), "util-linux's script gives kubectl a terminal");
        ProcessBuilder pb = new ProcessBuilder("script", "-qc", "kubectl exec -it box -- sh", "/dev/null");
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("HOME", dir.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        OutputStream keys = p.getOutputStream();
        for (String line : List.of("cd /tmp\r", "echo hi\bo there\r", "exit 4\r")) {
            Thread.sleep(1500);
            keys.write(line.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl exec -it did not end");
        assertEquals("""
                / # cd /tmp\r
                /tmp # echo hi\b \bo there\r
                ho there\r
                /tmp # exit 4\r
                command terminated with exit code 4\r
                """, new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void logsFollowStreamsUntilTheContainerEnds() throws Exception {
        kubectl("", "run", "counter", "--image=busybox", "--restart=Never", "--", "sh", "-c",
                "for i in 1 2 3; do echo line $i; sleep 20; done");
        for (int i = 0; i < 600 && !kubectl("", "logs", "counter").out().startsWith("line 1"); i++) {
            Thread.sleep(100);
        }
        long start = System.nanoTime();
        assertEquals(new Run("line 1\nline 2\nline 3\n", "", 0), kubectl("", "logs", "-f", "counter"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 40_000 / SPEED, "the last line comes forty simulated seconds after the first; took " + millis + " ms");
        assertEquals("Completed", kubectl("", "get", "pod", "counter", "--no-headers").out().split("\\s+")[2]);
    }

    @Test
    void portForwardReachesTheSimulatedServerAndReportsAPortNothingListensOn() throws Exception {
        kubectl("", "run", "http-go", "--image=gasbugs/http-go", "--port=8080");
        for (int i = 0; i < 600 && !kubectl("", "get", "pod", "http-go", "-o", "jsonpath={.status.phase}").out().equals("Running"); i++) {
            Thread.sleep(100);
        }
        int local = freePort();
        Process forward = background("port-forward", "pod/http-go", local + ":8080");
        try {
            assertEquals("Welcome! http-go\n", get(local, "/"));
            assertEquals("404 page not found\n", get(local, "/nothing-here"));
        } finally {
            forward.destroy();
        }
        int closed = freePort();
        Process nothing = background("port-forward", "pod/http-go", closed + ":9999");
        try {
            get(closed, "/");
        } catch (IOException unanswered) {
            // kubectl closes the connection it could not forward
        }
        assertTrue(nothing.waitFor(60, TimeUnit.SECONDS), "kubectl port-forward ends when the connection is lost");
        String printed = new String(nothing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(printed.contains("an error occurred forwarding " + closed + " -> 9999: error forwarding port 9999 to pod http-go")
                && printed.contains("dial tcp4 127.0.0.1:9999: connect: connection refused")
                && printed.endsWith("error: lost connection to pod\n"), printed);
    }

    /** kubectl port-forward in the background, once it says it listens. */
    private static Process background(String... args) throws IOException, InterruptedException {
        List<String> argv = new java.util.ArrayList<>(List.of("kubectl"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        StringBuilder first = new StringBuilder();
        int c;
        while ((c = p.getInputStream().read()) >= 0 && c != '\n') {
            first.append((char) c);
        }
        assertTrue(first.toString().startsWith("Forwarding from 127.0.0.1:"), first.toString());
        return p;
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                .timeout(java.time.Duration.ofSeconds(30)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void attachShowsWhatTheMainProcessPrintsFromNowOnUntilItEnds() throws Exception {
        kubectl("", "run", "ticker", "--image=busybox", "--restart=Never", "--", "sh", "-c",
                "for i in 1 2 3 4; do echo tick $i; sleep 20; done");
        for (int i = 0; i < 600 && !kubectl("", "logs", "ticker").out().startsWith("tick 1"); i++) {
            Thread.sleep(100);
        }
        Run attached = kubectl("", "attach", "ticker");
        assertEquals("If you don't see a command prompt, try pressing enter.\n", attached.err());
        assertEquals(0, attached.code());
        assertTrue(attached.out().endsWith("tick 3\ntick 4\n") && !attached.out().contains("tick 1"), attached.out());
    }

    @Test
    void withoutAContainerToReachKubectlPrintsTheRefusal() throws Exception {
        assertEquals(new Run("", "Error from server (BadRequest): container nope is not valid for pod box\n", 1),
                kubectl("", "exec", "box", "-c", "nope", "--", "ls"));
        assertEquals(new Run("", "Error from server (NotFound): pods \"nosuch\" not found\n", 1),
                kubectl("", "exec", "nosuch", "--", "ls"));
        kubectl("", "run", "later", "--image=example.com/no-such-image");
        // its image cannot be pulled, so no container runs
        assertEquals(new Run("", "error: unable to upgrade connection: container not found (\"later\")\n", 1),
                kubectl("", "exec", "later", "--", "ls"));
    }

    static Run kubectl(String stdin, String... args) throws IOException, InterruptedException {
        List<String> argv = new java.util.ArrayList<>(List.of("kubectl"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("HOME", dir.toString());
        pb.redirectError(dir.resolve("stderr").toFile());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), argv + " did not finish");
        return new Run(new String(out, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(dir.resolve("stderr")), p.exitValue());
    }
}
