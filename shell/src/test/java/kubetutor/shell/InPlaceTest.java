package kubetutor.shell;

import kubetutor.engine.output.ClusterMap;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.output.Style;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** cluster -w on a terminal: each later map goes up over the one before it; without a terminal they follow each other. */
class InPlaceTest {
    private static Output map(String status, Duration redraw) {
        return new Output.ClusterMapOutput(new ClusterMap("default", List.of(new ClusterMap.Node("worker1", "", status,
                Style.OK, ClusterMap.Machine.RUNNING, "10.244.1.0/24",
                List.of(new ClusterMap.Pod("default", "web", "Running", Style.OK)), 0)), List.of()), redraw);
    }

    @Test
    void aRedrawOnATerminalReplacesTheRowsOfTheMapAbove() {
        InPlace inPlace = new InPlace();
        Output first = map("Ready", null);
        Output later = map("NotReady", Duration.ofSeconds(52));
        assertEquals(PlainText.render(first), inPlace.place(first, PlainText.render(first), 80, 24));
        String redrawn = inPlace.place(later, PlainText.render(later), 80, 24);
        assertEquals("\u001b[3A\r\u001b[J52s later:\n" + PlainText.render(map("NotReady", null)), redrawn);
        // The redrawn map has a heading: the next redraw goes up one row more.
        assertEquals("\u001b[4A\r\u001b[J", inPlace.place(later, PlainText.render(later), 80, 24).substring(0, 8));
    }

    @Test
    void somethingElseBetweenOrNoTerminalMeansTheMapIsPrintedAfter() {
        InPlace inPlace = new InPlace();
        Output later = map("NotReady", Duration.ofMinutes(5).plusSeconds(10));
        inPlace.place(map("Ready", null), PlainText.render(map("Ready", null)), 80, 24);
        inPlace.place(Output.Text.message("hello"), "hello\n", 80, 24);
        assertEquals(PlainText.render(later), inPlace.place(later, PlainText.render(later), 80, 24));
        InPlace pipe = new InPlace();
        pipe.place(map("Ready", null), "x\n", 0, 0);
        assertEquals("5m10s later:\n", pipe.place(later, PlainText.render(later), 0, 0).lines().findFirst().get() + "\n");
    }

    @Test
    void aMapTallerThanTheScreenOrWrappedCountsItsScreenRows() {
        assertEquals(3, InPlace.screenRows("abcdefghij\nabc\n", 5));
        InPlace inPlace = new InPlace();
        inPlace.place(map("Ready", null), "1\n2\n3\n", 80, 3);
        assertEquals("x\n", inPlace.place(map("Ready", Duration.ofSeconds(1)), "x\n", 80, 3));
    }
}
