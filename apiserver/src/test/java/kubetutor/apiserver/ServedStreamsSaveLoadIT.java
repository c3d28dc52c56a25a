package kubetutor.apiserver;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.snapshot.SnapshotFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real kubectl 1.32 execs into a container and forwards a port to another through {@code serve}
 * on a session that a shell shares (a lock, its clock moved from outside as the shell's idle prompt
 * does); then the session is saved and loaded into a fresh one, as after a restart: the files the
 * execs wrote, the request nginx logged, the pods and the clock are the same. Skips without kubectl 1.32.
 */
class ServedStreamsSaveLoadIT {
    @TempDir
    Path dir;
    private final ReentrantLock engine = new ReentrantLock(true);
    private Path kubeconfig;

    @Test
    void execsAndAPortForwardThroughServeReplayFromASnapshot() throws Exception {
        String problem = RealKubectl.problem();
        if (problem != null) {
            Assumptions.abort("skipping: " + problem);
        }
        Session live = new Session(new SessionOptions(1, null, dir, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        try (Server server = new Server(live, 0, this::locked)) {
            kubeconfig = dir.resolve("serve.kubeconfig");
            Kubeconfig.write(kubeconfig, server.port(), server.token(), server.authorityData());
            // twenty simulated seconds a second, a second at a time, between the requests
            clock.scheduleWithFixedDelay(() -> locked(() -> live.advance(Duration.ofSeconds(1))), 50, 50, TimeUnit.MILLISECONDS);
            kubectl("", "run", "box", "--image=busybox", "--", "sleep", "3600");
            kubectl("", "run", "web", "--image=nginx");
            for (String pod : List.of("box", "web")) {
                for (int i = 0; i < 600 && !kubectl("", "get", "pod", pod, "-o", "jsonpath={.status.phase}").equals("Running"); i++) {
                    Thread.sleep(100);
                }
            }
            assertEquals("", kubectl("", "exec", "box", "--", "sh", "-c", "echo 42 > /tmp/answer; sleep 30; echo done >> /tmp/answer"));
            assertEquals("", kubectl("echo piped > /tmp/piped\n", "exec", "-i", "box", "--", "sh"));
            int local;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                local = s.getLocalPort();
            }
            Process forward = start(List.of("port-forward", "pod/web", local + ":80"));
            try {
                forward.getInputStream().read(); // "Forwarding from ...": it listens
                Process curl = new ProcessBuilder("curl", "-s", "-A", "curl/8.5.0", "http://127.0.0.1:" + local + "/journal-check")
                        .redirectErrorStream(true).start();
                assertTrue(new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("404 Not Found"));
                assertTrue(curl.waitFor(60, TimeUnit.SECONDS));
            } finally {
                forward.destroy();
            }
        } finally {
            clock.shutdownNow();
            clock.awaitTermination(60, TimeUnit.SECONDS);
        }
        String saved = SnapshotFormat.write(live.snapshot());
        Session loaded = new Session(SessionOptions.defaults(dir));
        loaded.restore(SnapshotFormat.read(saved));
        assertEquals("42\ndone\npiped\n", run(live, "kubectl exec box -- cat /tmp/answer /tmp/piped"));
        assertTrue(run(live, "kubectl logs web").contains("\"GET /journal-check HTTP/1.1\" 404"), run(live, "kubectl logs web"));
        for (String command : List.of("kubectl exec box -- cat /tmp/answer /tmp/piped", "kubectl logs web", "kubectl get pods -o wide",
                "kubectl get events", "clock")) {
            assertEquals(run(live, command), run(loaded, command), command);
        }
    }

    private void locked(Runnable work) {
        engine.lock();
        try {
            work.run();
        } finally {
            engine.unlock();
        }
    }

    private static String run(Session s, String command) {
        StringBuilder out = new StringBuilder();
        s.execute(command, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return out.toString();
    }

    private Process start(List<String> args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("kubectl"));
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("HOME", dir.toString());
        return pb.start();
    }

    /** What kubectl printed (stdout and stderr together), after it ended. */
    private String kubectl(String stdin, String... args) throws Exception {
        Process p = start(List.of(args));
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl " + String.join(" ", args) + " hung");
        return out;
    }
}
