package kubetutor.shell;

import kubetutor.engine.output.ClusterMap;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.output.Style;
import kubetutor.engine.output.Timeline;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pictures on a terminal: the plain drawing with colour around the glyphs, at the terminal's width. */
class PictureColorsTest {
    private static final Output TIMELINE = new Output.TimelineOutput(new Timeline("deployment.apps/web", "2026-01-05T09:00:00Z", 40,
            List.of(new Timeline.Row("web-1-a", "worker1", 1, List.of(new Timeline.Span(0, 2, Timeline.State.PENDING),
                            new Timeline.Span(2, 30, Timeline.State.READY), new Timeline.Span(30, 33, Timeline.State.TERMINATING))),
                    new Timeline.Row("web-2-b", "worker2", 2, List.of(new Timeline.Span(25, 28, Timeline.State.NOT_READY),
                            new Timeline.Span(28, 40, Timeline.State.READY)))),
            List.of(new Timeline.Step(25, "Scaled up replica set web-2 from 0 to 1")), 0));

    @Test
    void aColouredTimelineIsThePlainOneWithRevisionColours() {
        String coloured = new Renderer(true).render(TIMELINE);
        assertEquals(PlainText.render(TIMELINE), Ansi.strip(coloured));
        assertTrue(coloured.contains("\u001b[34m" + "█".repeat(28) + Ansi.RESET), coloured);
        assertTrue(coloured.contains("\u001b[35m" + "░".repeat(3) + Ansi.RESET), coloured);
        assertTrue(coloured.contains(Ansi.DIM + "xxx" + Ansi.RESET), coloured);
    }

    @Test
    void aNarrowTerminalGetsCoarserColumns() {
        String narrow = new Renderer(false, () -> 40).render(TIMELINE);
        assertTrue(narrow.startsWith("deployment.apps/web: 2 pods, 40s of simulated time from 2026-01-05T09:00:00Z (1 column = 3s)\n"),
                narrow);
        for (String line : narrow.split("\n")) {
            if (line.startsWith("web-")) {
                assertTrue(line.length() <= 40, line);
            }
        }
    }

    @Test
    void theClusterMapColoursStatusWordsOnly() {
        Output map = new Output.ClusterMapOutput(new ClusterMap("default", List.of(new ClusterMap.Node("worker1", "", "NotReady",
                Style.ERROR, ClusterMap.Machine.STOPPED, "10.244.1.0/24",
                List.of(new ClusterMap.Pod("default", "web", "Running", Style.OK)), 1)), List.of()), null);
        String coloured = new Renderer(true).render(map);
        assertEquals(PlainText.render(map), Ansi.strip(coloured));
        assertEquals("""
                ┌─ worker1 NotReady, machine off  pods 10.244.1.0/24 ─┐
                │ web   Running                                       │
                │ (and 1 pod in other namespaces)                     │
                └─────────────────────────────────────────────────────┘
                """, PlainText.render(map));
        assertTrue(coloured.contains(Ansi.GREEN + "Running" + Ansi.RESET));
    }
}
