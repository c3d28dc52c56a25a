package kubetutor.engine.session;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.rest.ExecSession;
import kubetutor.engine.rest.RestRequest;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.snapshot.JournalStep;
import kubetutor.engine.snapshot.Snapshot;
import kubetutor.engine.snapshot.SnapshotFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What real kubectl did through {@code serve} (exec into a container, port-forward to it) is in the
 * journal: saved, then loaded into a fresh session (as after a restart), the cluster, the container's
 * files and logs, and the clock are what they were live, and they go on the same way.
 */
class ServedStreamsReplayTest {
    @TempDir
    Path work;

    /** What the client saw on the stream, as "1:text" and "exit:N". */
    private final List<String> seen = new ArrayList<>();
    private final ExecSession.Sink client = new ExecSession.Sink() {
        @Override
        public void stdout(String text) {
            seen.add("1:" + text);
        }

        @Override
        public void stderr(String text) {
            seen.add("2:" + text);
        }

        @Override
        public void exited(int code) {
            seen.add("exit:" + code);
        }
    };

    private Session session() throws IOException {
        return new Session(SessionOptions.defaults(work));
    }

    private static String run(Session s, String text) {
        StringBuilder out = new StringBuilder();
        s.execute(text, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return out.toString();
    }

    private static RestRequest exec(String pod, String... pairs) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            q.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return new RestRequest("POST", "/api/v1/namespaces/default/pods/" + pod + "/exec", q, "", "", "");
    }

    /** Saved to text and loaded into a session that never saw it. */
    private Session reloaded(Session live) throws Exception {
        Snapshot read = SnapshotFormat.read(SnapshotFormat.write(live.snapshot()));
        Session fresh = session();
        fresh.restore(read);
        return fresh;
    }

    private static String state(Session s) {
        return run(s, "kubectl get pods -o wide") + run(s, "kubectl get events") + run(s, "clock")
                + run(s, "kubectl exec box -- cat /tmp/note /tmp/late") + run(s, "kubectl logs web");
    }

    private Session withPods() throws IOException {
        Session s = session();
        run(s, "kubectl run box --image=busybox -- sleep 3600");
        run(s, "kubectl run web --image=nginx");
        run(s, "sleep 30");
        return s;
    }

    @Test
    void aShellOnATerminalWritesAFileAndSleepsThenLoadGivesTheSameContainer() throws Exception {
        Session live = withPods();
        ServedExec sh = live.exec(exec("box", "command", "sh", "stdin", "true", "tty", "true"), client);
        sh.input("echo hi > /tmp/note\r");
        sh.input("sleep 5; echo late > /tmp/late\r");
        live.advance(Duration.ofSeconds(2));
        // saved while the container's sleep runs: the loaded session finishes it at the same instant
        Session loaded = reloaded(live);
        for (Session s : List.of(live, loaded)) {
            s.advance(Duration.ofSeconds(3));
        }
        sh.input("exit 4\r");
        assertTrue(seen.contains("exit:4"), seen.toString());
        assertEquals("""
                hi
                late
                """, run(live, "kubectl exec box -- cat /tmp/note /tmp/late"));
        assertEquals(state(live), state(loaded));
        assertEquals(state(live), state(reloaded(live)), "the exit and the hang-up replay too");
    }

    @Test
    void aPipedScriptRunsWhenItsInputEndsAndAKilledProcessStaysKilled() throws Exception {
        Session live = withPods();
        ServedExec script = live.exec(exec("box", "command", "sh", "stdin", "true", "stdout", "true"), client);
        script.input("echo piped > /tmp/note\n");
        script.input("sleep 10\necho late > /tmp/late\n");
        live.advance(Duration.ofSeconds(1));
        script.inputClosed();
        live.advance(Duration.ofSeconds(4));
        script.hangUp(); // Ctrl-C in kubectl: the sleep never ends, /tmp/late is never written
        live.advance(Duration.ofSeconds(20));
        assertEquals("piped\ncat: can't open '/tmp/late': No such file or directory\n",
                run(live, "kubectl exec box -- cat /tmp/note /tmp/late").replace("command terminated with exit code 1\n", ""));
        assertEquals(state(live), state(reloaded(live)));
    }

    @Test
    void aRequestThroughPortForwardIsInTheContainersLogAfterLoad() throws Exception {
        Session live = withPods();
        String ip = run(live, "kubectl get pod web -o jsonpath={.status.podIP}");
        assertEquals(200, live.forward(ip, 80, "/", "curl/8.5.0").status());
        live.advance(Duration.ofSeconds(3));
        assertEquals(404, live.forward(ip, 80, "/missing", "curl/8.5.0").status());
        assertTrue(run(live, "kubectl logs web").contains("\"GET /missing HTTP/1.1\" 404"), run(live, "kubectl logs web"));
        assertEquals(state(live), state(reloaded(live)));
    }

    /**
     * The shell's pacer: a second of simulated time per step, and on the {@code at}-th step it waits
     * on the wall clock with the engine let go, and serve's clients get in.
     */
    private static Pacer lettingIn(int at, Runnable meanwhile) {
        return new Pacer() {
            private int calls;

            @Override
            public java.time.Instant advance(java.time.Instant now, java.time.Instant limit) {
                if (++calls == at) {
                    meanwhile.run();
                }
                return now.plusSeconds(1).isBefore(limit) ? now.plusSeconds(1) : limit;
            }

            @Override
            public boolean followsWallClock() {
                return true;
            }
        };
    }

    @Test
    void whatServeDidWhileACommandRanAtThePromptReplaysAtTheInstantItHappened() throws Exception {
        Session live = withPods();
        ServedExec sh = live.exec(exec("box", "command", "sh", "stdin", "true", "tty", "true"), client);
        String configMap = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"made-meanwhile\"}}";
        live.execute("sleep 20", o -> { }, lettingIn(8, () -> {
            live.serve(new RestRequest("POST", "/api/v1/namespaces/default/configmaps", Map.of(), "application/json", "", configMap));
            sh.input("date > /tmp/note; sleep 4; echo late > /tmp/late\r");
        }));
        assertEquals("Mon Jan  5 09:00:35 UTC 2026\nlate\n", run(live, "kubectl exec box -- cat /tmp/note /tmp/late"));
        assertEquals("2026-01-05T09:00:35Z", run(live, "kubectl get cm made-meanwhile -o jsonpath={.metadata.creationTimestamp}"));
        Session loaded = reloaded(live);
        assertEquals(state(live), state(loaded));
        assertEquals("2026-01-05T09:00:35Z", run(loaded, "kubectl get cm made-meanwhile -o jsonpath={.metadata.creationTimestamp}"));
    }

    @Test
    void aStreamIntoAClusterThatLoadReplacedEndsAsIfItsContainerWereGone() throws Exception {
        Session live = withPods();
        Snapshot before = live.snapshot();
        ServedExec sh = live.exec(exec("box", "command", "sh", "stdin", "true", "tty", "true"), client);
        live.restore(before);
        sh.input("touch /tmp/note\r");
        assertEquals("exit:137", seen.get(seen.size() - 1));
        assertTrue(live.snapshot().journal().stream().noneMatch(s -> s instanceof JournalStep.ExecInput),
                "the keys typed into the old cluster are not this cluster's history");
    }

    @Test
    void aSnapshotSavedBeforeServeHadStreamsStillLoads() throws Exception {
        String v2;
        try (InputStream in = getClass().getResourceAsStream("/kubetutor/snapshots/v2-served-session.yaml")) {
            v2 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(v2.contains("version: 2"));
        Session s = session();
        s.restore(SnapshotFormat.read(v2));
        assertEquals("""
                NAME   READY   STATUS    RESTARTS   AGE   LABELS
                box    1/1     Running   0          42s   run=box,tier=web
                """, run(s, "kubectl get pods --show-labels"));
        assertEquals("blue", run(s, "kubectl get configmap settings -o jsonpath={.data.color}"));
        assertInstanceOf(JournalStep.Request.class, s.snapshot().journal().get(2));
        assertTrue(SnapshotFormat.write(s.snapshot()).contains("version: 3"));
    }
}
