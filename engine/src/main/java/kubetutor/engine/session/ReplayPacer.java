package kubetutor.engine.session;

import kubetutor.engine.sim.Pacer;
import kubetutor.engine.snapshot.JournalStep;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lets a replayed command's time pass as it passed when recorded: straight to where the command
 * needs it, except that it stops the command (answers null) at each instant the user stopped it then.
 */
final class ReplayPacer implements Pacer {
    private final JournalStep.Pacing pacing;
    private final List<JournalStep.Meanwhile> meanwhile;
    private final Consumer<JournalStep> replay;
    private int next;
    private int nextMeanwhile;

    ReplayPacer(JournalStep.Pacing pacing) {
        this(pacing, List.of(), step -> { });
    }

    /** @param replay does again what serve did meanwhile, when the command's time gets to where it happened */
    ReplayPacer(JournalStep.Pacing pacing, List<JournalStep.Meanwhile> meanwhile, Consumer<JournalStep> replay) {
        this.pacing = pacing;
        this.meanwhile = meanwhile;
        this.replay = replay;
    }

    @Override
    public Instant advance(Instant now, Instant limit) {
        // when recorded, it happened as the command waited at that instant, after the events due then
        while (nextMeanwhile < meanwhile.size() && !meanwhile.get(nextMeanwhile).at().isAfter(now)) {
            replay.accept(meanwhile.get(nextMeanwhile++).step());
        }
        if (nextMeanwhile < meanwhile.size() && meanwhile.get(nextMeanwhile).at().isBefore(limit)) {
            limit = meanwhile.get(nextMeanwhile).at();
        }
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

    /** Whether the command was stopped everywhere it was stopped, and met all that happened meanwhile (else the replay drifted). */
    boolean finished() {
        return next == pacing.stops().size() && nextMeanwhile == meanwhile.size();
    }
}
