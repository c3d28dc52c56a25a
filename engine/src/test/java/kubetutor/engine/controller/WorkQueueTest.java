package kubetutor.engine.controller;

import kubetutor.engine.api.ApiException;
import kubetutor.engine.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkQueueTest {
    private final Simulation sim = new Simulation(Instant.parse("2026-01-05T09:00:00Z"));
    private final List<String> synced = new ArrayList<>();

    private String at(String key) {
        return key + "@" + Duration.between(Instant.parse("2026-01-05T09:00:00Z"), sim.now()).toMillis();
    }

    @Test
    void aKeyAddedTwiceBeforeItsTurnIsSyncedOnceAfterTheWriterReturns() {
        WorkQueue<String> q = new WorkQueue<>(sim, k -> synced.add(at(k)));
        q.add("a");
        q.add("b");
        q.add("a");
        assertEquals(List.of(), synced);
        sim.settle();
        assertEquals(List.of("a@0", "b@0"), synced);
    }

    @Test
    void addAfterKeepsTheEarliestTime() {
        WorkQueue<String> q = new WorkQueue<>(sim, k -> synced.add(at(k)));
        q.addAfter("a", Duration.ofSeconds(5));
        q.addAfter("a", Duration.ofSeconds(2));
        q.addAfter("a", Duration.ofSeconds(9));
        sim.advance(Duration.ofSeconds(20));
        assertEquals(List.of("a@2000"), synced);
    }

    @Test
    void aFailedSyncComesBackWithExponentialBackOff() {
        WorkQueue<String> q = new WorkQueue<>(sim, k -> {
            synced.add(at(k));
            if (synced.size() < 4) {
                throw new ApiException(ApiException.Reason.Conflict, "the object has been modified");
            }
        });
        q.add("a");
        sim.advance(Duration.ofSeconds(1));
        assertEquals(List.of("a@0", "a@5", "a@15", "a@35"), synced);
    }

    @Test
    void aHeldKeyWaitsUntilItsLastSyncIsDone() {
        WorkQueue<String> q = new WorkQueue<>(sim, k -> synced.add(at(k)));
        q.add("a");
        sim.settle();
        q.hold("a", Duration.ofMillis(100));
        q.add("a");
        sim.advance(Duration.ofSeconds(1));
        assertEquals(List.of("a@0", "a@100"), synced);
    }

    @Test
    void aKeyThatRequeuesItselfForeverDoesNotStopTheClock() {
        WorkQueue<String>[] q = new WorkQueue[1];
        q[0] = new WorkQueue<>(sim, k -> {
            synced.add(at(k));
            q[0].add(k);
        });
        q[0].add("a");
        sim.advance(Duration.ofMillis(1500));
        assertEquals("a@1000", synced.get(synced.size() - 1));
        assertEquals(Instant.parse("2026-01-05T09:00:01.500Z"), sim.now());
    }
}
