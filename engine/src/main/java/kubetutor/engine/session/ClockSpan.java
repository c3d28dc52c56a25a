package kubetutor.engine.session;

import kubetutor.engine.sim.Pacer;

import java.time.Duration;
import java.time.Instant;

/**
 * How far one command may move the simulated clock: fast-forwarding costs the tutor real work
 * (every probe, restart and event on the way), so a command asking for more (a wait with a
 * timeout of years) is stopped there, as Ctrl-C would stop it, and the session says so.
 */
final class ClockSpan implements Pacer {
    /** A week: the longest wait the lessons could want, a few seconds of the tutor's time. */
    static final Duration MAX = Duration.ofDays(7);

    private final Pacer pacer;
    private final Instant end;
    private boolean reached;

    ClockSpan(Pacer pacer, Instant start) {
        this.pacer = pacer;
        this.end = start.plus(MAX);
    }

    @Override
    public Instant advance(Instant now, Instant limit) {
        if (!now.isBefore(end) && limit.isAfter(now)) {
            reached = true;
            return null;
        }
        return pacer.advance(now, limit.isAfter(end) ? end : limit);
    }

    @Override
    public boolean followsWallClock() {
        return pacer.followsWallClock();
    }

    /** Whether a command was stopped here; the session then says why, once. */
    boolean reached() {
        boolean r = reached;
        reached = false;
        return r;
    }
}
