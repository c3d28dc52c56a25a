package kubetutor.engine.sim;

import java.time.Instant;
import java.util.function.BooleanSupplier;

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

    /**
     * True when time follows the wall clock (the shell's realtime mode, a kernel after
     * {@code clock realtime}): a watch then runs until the user stops it, as kubectl's does, instead
     * of ending after a quiet simulated minute.
     */
    default boolean followsWallClock() {
        return false;
    }

    /**
     * A command run in the background ({@code kubectl port-forward ... &}): it holds the terminal
     * for no time at all (every advance is refused at once), and what it started keeps running.
     */
    Pacer BACKGROUND = new Pacer() {
        @Override
        public Instant advance(Instant now, Instant limit) {
            return null;
        }
    };

    /**
     * Lets simulated time run until {@code done} holds or {@code limit} passes, stepping from event
     * to event as this pacer allows: the one loop behind watches, {@code sleep} and a container
     * shell's sleeps. Returns false when the user cancelled.
     */
    default boolean runUntil(Simulation sim, BooleanSupplier done, Instant limit) {
        sim.settle();
        while (!done.getAsBoolean()) {
            Instant now = sim.now();
            if (!now.isBefore(limit)) {
                return true;
            }
            Instant next = sim.nextEventTime();
            Instant target = next == null || next.isAfter(limit) ? limit : next;
            Instant allowed = advance(now, target.isAfter(now) ? target : now.plusNanos(1));
            if (allowed == null) {
                return false;
            }
            sim.advanceTo(allowed);
        }
        return true;
    }

    /** Batch mode: time jumps straight to where the command needs it. */
    Pacer IMMEDIATE = (now, limit) -> limit;
}
