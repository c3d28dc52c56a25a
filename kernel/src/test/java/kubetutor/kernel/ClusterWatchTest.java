package kubetutor.kernel;

import kubetutor.engine.output.ClusterMap;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Style;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cluster -w in a notebook: one picture, updated in place (update_display_data), never a pile of maps. */
class ClusterWatchTest {
    @TempDir
    Path work;

    private final List<KernelOutput> outputs = new ArrayList<>();

    @Test
    void aStoppedNodesEvictionUpdatesTheOneMapShown() throws Exception {
        Session session = new Session(new SessionOptions(1, null, work));
        int[] n = {0};
        assertNull(new CellRunner(session, () -> "d" + ++n[0]).run("kubectl create deployment web --image=nginx --replicas=3\n"
                + "sleep 20\nnode stop worker2\ncluster -w --timeout 7m", outputs::add));
        List<KernelOutput.Display> maps = outputs.stream().filter(o -> o instanceof KernelOutput.Display)
                .map(o -> (KernelOutput.Display) o).toList();
        KernelOutput.Display first = maps.get(0);
        assertFalse(first.update());
        assertTrue(first.text("text/plain").contains("worker2 Ready, machine off"));
        assertTrue(maps.size() >= 2, "the map changed: an update follows");
        for (KernelOutput.Display later : maps.subList(1, maps.size())) {
            assertTrue(later.update());
            assertEquals(first.displayId(), later.displayId());
        }
        KernelOutput.Display last = maps.get(maps.size() - 1);
        assertTrue(last.text("text/plain").startsWith("5m56s later:\n"), last.text("text/plain"));
        assertTrue(last.text("text/plain").contains("web-6dc5cd68db-gqx96   Terminating"));
        assertTrue(last.text("text/html").contains("<title>Cluster map, 5m56s later (simulated time since the watch began)</title>"));
        assertTrue(last.text("text/html").contains(">NotReady, machine off</text>"));
    }

    @Test
    void updatesComeAtMostFourTimesASecondAndTheLastAlways() {
        long[] now = {0};
        OutputRouter router = new OutputRouter(outputs::add, () -> "map", () -> now[0]);
        router.emit(new Output.ClusterMapOutput(map("Ready"), null));
        for (int s = 1; s <= 300; s++) {
            now[0] += 1_000_000; // a manual-clock watch: 300 redraws within 0.3 s of wall time
            router.emit(new Output.ClusterMapOutput(map(s % 2 == 0 ? "Ready" : "NotReady"), Duration.ofSeconds(s)));
            router.tick();
        }
        router.finish();
        List<KernelOutput.Display> updates = outputs.stream().map(o -> (KernelOutput.Display) o).filter(KernelOutput.Display::update).toList();
        assertEquals(2, updates.size(), "one at 250 ms, and the last when the watch ends");
        assertTrue(updates.get(1).text("text/plain").startsWith("5m0s later:\n"));
    }

    @Test
    void somethingPrintedAfterTheMapEndsItsUpdates() {
        OutputRouter router = new OutputRouter(outputs::add, () -> "d" + outputs.size(), () -> 0);
        router.emit(new Output.ClusterMapOutput(map("Ready"), null));
        router.emit(Output.Text.message("hello"));
        router.emit(new Output.ClusterMapOutput(map("NotReady"), Duration.ofSeconds(50)));
        assertEquals(3, outputs.size());
        assertFalse(((KernelOutput.Display) outputs.get(2)).update(), "a map below the text is a display of its own");
    }

    private static ClusterMap map(String status) {
        return new ClusterMap("default", List.of(new ClusterMap.Node("worker2", "", status, Style.OK,
                ClusterMap.Machine.RUNNING, "10.244.2.0/24", List.of(), 1)), List.of());
    }
}
