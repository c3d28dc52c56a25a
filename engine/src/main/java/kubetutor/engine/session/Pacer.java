package kubetutor.engine.session;

import java.time.Instant;

/**
 * How long-running commands (a watch, {@code sleep}, {@code logs -f}) let simulated time pass. The
 * engine never waits on wall time itself: it asks the front end how far the clock may go now. In
 * batch mode the answer is "all the way"; in the shell's realtime mode the front end waits on the
 * wall clock first; a user's Ctrl-C or a kernel interrupt answers {@code null}.
 */
@FunctionalInterface
public interface Pacer {

    /**
     * @param now   the simulated time now
     * @param limit the furthest the command needs to go
     * @return an instant in (now, limit] the clock may advance to, or {@code null} when cancelled
     */
    Instant advance(Instant now, Instant limit);

    /** Batch mode: time jumps straight to where the command needs it. */
    Pacer IMMEDIATE = (now, limit) -> limit;
}
