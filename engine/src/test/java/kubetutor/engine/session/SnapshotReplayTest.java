package kubetutor.engine.session;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.sim.Simulation;
import kubetutor.engine.snapshot.JournalStep;
import kubetutor.engine.snapshot.Snapshot;
import kubetutor.engine.snapshot.SnapshotException;
import kubetutor.engine.snapshot.SnapshotFormat;
import kubetutor.engine.workspace.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A snapshot written to text, read back and restored in a fresh session gives the same cluster: the
 * same objects, events and clock, and the same output (generated names included) for whatever comes next.
 */
class SnapshotReplayTest {
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              generateName: web-
            spec:
              containers:
              - name: nginx
                image: nginx:1.14.2
            """;

    @TempDir
    Path work;

    /**
     * A front end's pacer in realtime mode: at most one simulated second per step, and the user
     * presses Ctrl-C on the {@code stopAfter}-th request (and every one after it, as the shell's does).
     */
    static final class CtrlC implements Pacer {
        private final int stopAfter;
        private int calls;

        CtrlC(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public Instant advance(Instant now, Instant limit) {
            if (++calls >= stopAfter) {
                return null;
            }
            Instant step = now.plusSeconds(1);
            return step.isBefore(limit) ? step : limit;
        }

        @Override
        public boolean followsWallClock() {
            return true;
        }
    }

    private Session session(long seed) throws IOException {
        return new Session(new SessionOptions(seed, null, work));
    }

    private static String run(Session s, String text) {
        return run(s, text, Pacer.IMMEDIATE);
    }

    private static String run(Session s, String text, Pacer pacer) {
        StringBuilder out = new StringBuilder();
        s.execute(text, o -> out.append(PlainText.render(o)), pacer);
        return out.toString();
    }

    /** Everything the test compares: objects, events, clock, logs. */
    private static String state(Session s) {
        return run(s, "kubectl get pods -A -o yaml") + run(s, "kubectl get events -A") + run(s, "clock")
                + run(s, "kubectl config get-contexts") + run(s, "kubectl logs web -n default");
    }

    /** A session that has been through every kind of journal step. */
    private Session scripted() throws IOException {
        Files.writeString(work.resolve("pod.yaml"), POD);
        Session s = session(1);
        run(s, "kubectl create -f pod.yaml");
        run(s, "kubectl run web --image=nginx");
        run(s, "sleep 10");
        s.advance(Duration.ofMillis(2500)); // the realtime clock between commands
        s.advance(Duration.ofMillis(1500));
        assertEquals("NAME        READY   STATUS    RESTARTS   AGE\n"
                + "web         1/1     Running   0          14s\n"
                + "web-gjtj2   1/1     Running   0          14s\n", run(s, "kubectl get pods -w", new CtrlC(8)));
        run(s, "kubectl delete pod web-gjtj2 --wait=false");
        run(s, "kubectl get pods -w", new CtrlC(20)); // stopped in the middle of the grace period
        run(s, "kubectl exec -it web -- sh");
        run(s, "echo hi > /tmp/x\nsleep 30", new CtrlC(4)); // a container shell's sleep, cut short
        run(s, "cat /tmp/x");
        run(s, "exit 3");
        run(s, "kubectl config set-context --current --namespace=kube-system");
        run(s, "kubectl run bb --image=busybox -n default");
        run(s, "sleep 5m", new CtrlC(40));
        run(s, "kubectl logs -f web -n default", new CtrlC(6)); // its done-check execs in the container at every step
        run(s, "sleep 7");
        return s;
    }

    @Test
    void aRestoredSessionIsTheSameSessionAndGoesOnTheSameWay() throws Exception {
        Session original = scripted();
        Snapshot saved = SnapshotFormat.read(SnapshotFormat.write(original.snapshot()));
        Session restored = session(99); // another seed: the snapshot's own is the one that counts
        assertNotEquals(state(original), state(restored));
        restored.restore(saved);
        assertEquals(state(original), state(restored));

        String next = "kubectl create -f pod.yaml -n default\nkubectl run later --image=nginx -n default\nsleep 90\n"
                + "kubectl get pods -A -o wide\nkubectl get events -n default\nclock";
        String expected = run(original, next);
        assertEquals(expected, run(restored, next));
        assertEquals(true, expected.contains("pod/web-"), expected);
    }

    @Test
    void theJournalKeepsWhatWasStoppedWhereAndWhatFilesHeld() throws Exception {
        Snapshot s = scripted().snapshot();
        JournalStep.Run create = (JournalStep.Run) s.journal().get(0);
        assertEquals("kubectl create -f pod.yaml", create.command());
        assertEquals(POD, ((Entry.File) create.files().get("pod.yaml")).text());
        assertEquals(new JournalStep.Clock(Instant.parse("2026-01-05T09:00:14Z")), s.journal().get(3));
        JournalStep.Run watch = (JournalStep.Run) s.journal().get(4);
        assertEquals(new JournalStep.Pacing(true, List.of(Instant.parse("2026-01-05T09:00:20Z"))), watch.pacing());
        assertInstanceOf(JournalStep.Type.class, s.journal().get(8));
    }

    @Test
    void filesEditedAfterTheSaveDoNotChangeWhatLoadRestores() throws Exception {
        Session original = scripted();
        String saved = SnapshotFormat.write(original.snapshot());
        Files.writeString(work.resolve("pod.yaml"), POD.replace("web-", "other-"));
        Files.delete(work.resolve("pod.yaml"));
        Session restored = session(1);
        restored.restore(SnapshotFormat.read(saved));
        assertEquals(state(original), state(restored));
    }

    @Test
    void aSnapshotThatDoesNotReplayLeavesTheSessionAsItWas() throws Exception {
        Snapshot good = scripted().snapshot();
        Snapshot drifted = new Snapshot(good.seed(), good.cluster(), good.journal(), good.clock(), good.rng() + 1, null);
        Session s = session(1);
        run(s, "kubectl run mine --image=nginx");
        run(s, "sleep 3");
        String before = state(s);
        Snapshot journalBefore = s.snapshot();
        SnapshotException e = assertThrows(SnapshotException.class, () -> s.restore(drifted));
        assertEquals("the snapshot does not replay to the state it was saved in (saved by another version of kubetutor?)",
                e.getMessage());
        assertEquals(journalBefore, s.snapshot());
        assertEquals(before, state(s));
    }

    @Test
    void resetEmptiesTheJournalAndReadOnlyHelpersStayOutOfIt() throws Exception {
        Session s = scripted();
        run(s, "reset");
        assertEquals(List.of(), s.snapshot().journal());
        run(s, "ls\npwd\necho hi\ncat pod.yaml\nhelp");
        assertEquals(List.of(), s.snapshot().journal());
        assertEquals(Simulation.EPOCH, s.snapshot().clock());
    }
}
