package kubetutor.shell;

import kubetutor.engine.session.ClockMode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellPacerTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** A wall clock that moves only when slept on. */
    static final class FakeWall implements ShellPacer.WallClock {
        long nanos;
        Runnable onSleep = () -> {};

        @Override
        public long nanos() {
            return nanos;
        }

        @Override
        public boolean sleep(long millis) {
            nanos += millis * 1_000_000;
            onSleep.run();
            return true;
        }
    }

    @Test
    void manualModeJumpsStraightToTheLimit() {
        ShellPacer p = new ShellPacer(ClockMode.MANUAL, null, new FakeWall(), s -> {});
        assertEquals(T0.plusSeconds(3600), p.advance(T0, T0.plusSeconds(3600)));
        assertFalse(p.followsWallClock());
    }

    @Test
    void realtimeFollowsTheWallClockTimesTheSpeed() {
        FakeWall wall = new FakeWall();
        ShellPacer p = new ShellPacer(ClockMode.realtime(10), null, wall, s -> {});
        assertTrue(p.followsWallClock());
        // The next event is 1 simulated second away: at 10x that is 100ms of wall time.
        assertEquals(T0.plusSeconds(1), p.advance(T0, T0.plusSeconds(1)));
        assertEquals(100_000_000L, wall.nanos);
    }

    @Test
    void aWatchWithNoEndHandsBackControlAsTimePasses() {
        FakeWall wall = new FakeWall();
        ShellPacer p = new ShellPacer(ClockMode.realtime(1), null, wall, s -> {});
        Instant allowed = p.advance(T0, Instant.MAX);
        assertEquals(T0.plusMillis(100), allowed);
    }

    @Test
    void ctrlCCancelsAWait() {
        FakeWall wall = new FakeWall();
        ShellPacer p = new ShellPacer(ClockMode.realtime(1), null, wall, s -> {});
        wall.onSleep = () -> {
            if (wall.nanos >= 60_000_000L) {
                p.cancel();
            }
        };
        assertNull(p.advance(T0, T0.plusSeconds(30)));
        assertNull(p.advance(T0, T0.plusSeconds(30)));
        assertTrue(p.cancelled());
    }

    @Test
    void aManualSleepFastForwardsWithAProgressLineThatGoesAway() {
        FakeWall wall = new FakeWall();
        List<String> status = new ArrayList<>();
        ShellPacer p = new ShellPacer(ClockMode.MANUAL, Duration.ofMinutes(5), wall, status::add);
        Instant now = T0;
        Instant end = T0.plus(Duration.ofMinutes(5));
        while (now.isBefore(end)) {
            now = p.advance(now, end);
        }
        p.finish();
        assertEquals(ShellPacer.FAST_FORWARD.toMillis(), wall.nanos / 1_000_000, 20);
        assertEquals("⏱ 5m / 5m", status.get(status.size() - 2));
        assertEquals("", status.get(status.size() - 1));
        assertTrue(status.size() > 3, "the line moves while it runs: " + status);
    }

    @Test
    void durationsReadShort() {
        assertEquals("0s", ShellPacer.format(Duration.ZERO));
        assertEquals("45s", ShellPacer.format(Duration.ofSeconds(45)));
        assertEquals("2m10s", ShellPacer.format(Duration.ofSeconds(130)));
        assertEquals("5m", ShellPacer.format(Duration.ofMinutes(5)));
        assertEquals("1h5m", ShellPacer.format(Duration.ofMinutes(65)));
    }
}
