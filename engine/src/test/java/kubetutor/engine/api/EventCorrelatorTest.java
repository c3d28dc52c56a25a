package kubetutor.engine.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventCorrelatorTest {
    private static final EventRecorder.Source RS = new EventRecorder.Source("replicaset-controller", "");
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private final EventCorrelator correlator = new EventCorrelator();

    private EventCorrelator.Result created(int i, Instant at) {
        return correlator.correlate("rs-uid", "", RS, "Normal", "SuccessfulCreate", "Created pod: web-" + i, at);
    }

    @Test
    void theTenthSimilarEventWithAnotherMessageIsCombined() {
        for (int i = 1; i <= 9; i++) {
            EventCorrelator.Result r = created(i, T0);
            assertEquals("Created pod: web-" + i, r.message());
            assertEquals("Created pod: web-" + i, r.key().message());
        }
        EventCorrelator.Result tenth = created(10, T0);
        assertEquals("(combined from similar events): Created pod: web-10", tenth.message());
        assertNull(tenth.key().message());
        // Every later one is the same combined event.
        assertEquals(tenth.key(), created(11, T0).key());
        // Ten minutes of quiet start the count again.
        assertEquals("Created pod: web-12", created(12, T0.plusSeconds(601)).message());
    }

    @Test
    void aSourceWritesTwentyFiveEventsAboutAnObjectAtOnceThenOneEveryFiveMinutes() {
        for (int i = 0; i < 25; i++) {
            assertFalse(correlator.correlate("pod-uid", "", EventRecorder.Source.kubelet("worker1"), "Warning",
                    "BackOff", "Back-off restarting failed container", T0.plusSeconds(i)).dropped(), "event " + i);
        }
        assertTrue(correlator.correlate("pod-uid", "", EventRecorder.Source.kubelet("worker1"), "Warning", "BackOff",
                "Back-off restarting failed container", T0.plusSeconds(30)).dropped());
        // Another source has its own budget.
        assertFalse(correlator.correlate("pod-uid", "", EventRecorder.Source.SCHEDULER, "Warning", "FailedScheduling",
                "0/3 nodes are available", T0.plusSeconds(30)).dropped());
        assertFalse(correlator.correlate("pod-uid", "", EventRecorder.Source.kubelet("worker1"), "Warning", "BackOff",
                "Back-off restarting failed container", T0.plusSeconds(24 + 300)).dropped());
    }
}
