package kubetutor.engine.session;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.snapshot.SnapshotFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The interactive shell's cluster starts at the wall clock's date (so that the real kubectl's ages
 * agree with it over serve); from there it is as deterministic as from the fixed one, a snapshot
 * keeps the date, and reset starts again at the wall clock's date of then.
 */
class SessionDatesTest {
    @TempDir
    Path work;
    private final AtomicReference<Instant> wall = new AtomicReference<>(Instant.parse("2026-12-04T16:40:12.735Z"));

    private static String run(Session s, String text) {
        StringBuilder out = new StringBuilder();
        s.execute(text, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return out.toString();
    }

    @Test
    void aFreshClusterStartsAtTheWallClocksSecondAndASnapshotKeepsIt() throws Exception {
        Session s = new Session(SessionOptions.defaults(work));
        s.startDatesAt(wall::get);
        assertEquals("Fri Dec  4 16:40:12 UTC 2026  (simulated; clock manual)\n", run(s, "clock"));
        run(s, "kubectl run web --image=nginx");
        run(s, "sleep 10");
        assertEquals("2026-12-04T16:40:12Z", run(s, "kubectl get pod web -o jsonpath={.metadata.creationTimestamp}"));

        Session loaded = new Session(SessionOptions.defaults(work));
        loaded.restore(SnapshotFormat.read(SnapshotFormat.write(s.snapshot())));
        assertEquals("Fri Dec  4 16:40:22 UTC 2026  (simulated; clock manual)\n", run(loaded, "clock"));
        assertEquals(run(s, "kubectl get events"), run(loaded, "kubectl get events"));

        wall.set(Instant.parse("2026-12-05T08:00:00Z"));
        run(s, "reset");
        assertEquals("Sat Dec  5 08:00:00 UTC 2026  (simulated; clock manual)\n", run(s, "clock"));
    }

    @Test
    void aClusterSomethingHappenedInKeepsItsDateUntilReset() throws Exception {
        Session s = new Session(SessionOptions.defaults(work));
        run(s, "kubectl run web --image=nginx");
        s.startDatesAt(wall::get);
        assertEquals("Mon Jan  5 09:00:00 UTC 2026  (simulated; clock manual)\n", run(s, "clock"));
        assertEquals("pod/web\n", run(s, "kubectl get pods -o name"));
    }
}
