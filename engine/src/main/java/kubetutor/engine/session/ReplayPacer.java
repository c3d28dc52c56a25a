package kubetutor.engine.session;

import kubetutor.engine.sim.Pacer;
import kubetutor.engine.snapshot.JournalStep;

import java.time.Instant;

/**
 * Lets a replayed command's time pass as it passed when recorded: straight to where the command
 * needs it, except that it stops the command (answers null) at each instant the user stopped it then.
 */
final class ReplayPacer implements Pacer {
    private final JournalStep.Pacing pacing;
    private int next;

    ReplayPacer(JournalStep.Pacing pacing) {
        this.pacing = pacing;
    }

    @Override
    public Instant advance(Instant now, Instant limit) {
        if (next < pacing.stops().size()) {
            Instant stop = pacing.stops().get(next);
            if (!now.isBefore(stop)) {
                next++;
                return null;
            }
            return limit.isAfter(stop) ? stop : limit;
        }
        return limit;
    }

    @Override
    public boolean followsWallClock() {
        return pacing.wallClock();
    }

    /** Whether the command was stopped everywhere it was stopped when recorded (else the replay drifted). */
    boolean finished() {
        return next == pacing.stops().size();
    }
}
