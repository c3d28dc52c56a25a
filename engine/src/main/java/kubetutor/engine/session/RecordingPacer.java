package kubetutor.engine.session;

import kubetutor.engine.sim.Pacer;
import kubetutor.engine.snapshot.JournalStep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes a command's time requests to the front end's pacer and notes what a replay must repeat:
 * where the user stopped the command, and whether time followed the wall clock. How finely the
 * front end stepped does not matter: a pacer never steps past the next event, so the same events
 * run at the same instants either way.
 */
final class RecordingPacer implements Pacer {
    private final Pacer inner;
    private final List<Instant> stops = new ArrayList<>();
    private Boolean wallClock;

    RecordingPacer(Pacer inner) {
        this.inner = inner;
    }

    @Override
    public Instant advance(Instant now, Instant limit) {
        Instant allowed = inner.advance(now, limit);
        if (allowed == null) {
            stops.add(now);
        }
        return allowed;
    }

    @Override
    public boolean followsWallClock() {
        if (wallClock == null) {
            wallClock = inner.followsWallClock();
        }
        return wallClock;
    }

    JournalStep.Pacing pacing() {
        return new JournalStep.Pacing(wallClock != null && wallClock, stops);
    }
}
