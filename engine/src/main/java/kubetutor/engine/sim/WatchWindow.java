package kubetutor.engine.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * When a watch stops. At a terminal the learner presses Ctrl-C; in batch mode (scripts, notebooks,
 * transcripts) nobody does, so a watch ends after a quiet simulated minute, and at the latest after
 * ten: objects that change all the time (leases, renewed every 10 s) would otherwise keep it going
 * for ever.
 *
 * @param limit         the instant it ends at the latest
 * @param endsWhenQuiet whether a quiet minute ends it sooner
 */
public record WatchWindow(Instant limit, boolean endsWhenQuiet) {
    static final Duration QUIET = Duration.ofMinutes(1);
    static final Duration BATCH_LIMIT = Duration.ofMinutes(10);

    /** {@code kubectl get -w}'s: {@code timeout} (zero: none) bounds it, and in batch mode the rule above. */
    public static WatchWindow of(Instant now, Duration timeout, boolean followsWallClock) {
        Instant limit = timeout.isZero() ? Instant.MAX : now.plus(timeout);
        if (!followsWallClock && limit.isAfter(now.plus(BATCH_LIMIT))) {
            limit = now.plus(BATCH_LIMIT);
        }
        return new WatchWindow(limit, !followsWallClock);
    }

    /** Exactly {@code length} from {@code now}, however quiet it is. */
    public static WatchWindow exactly(Instant now, Duration length) {
        return new WatchWindow(now.plus(length), false);
    }

    /** The instant to wait until for the next change, the last one having come at {@code lastChange}. */
    public Instant until(Instant lastChange) {
        Instant quietUntil = lastChange.plus(QUIET);
        return endsWhenQuiet && quietUntil.isBefore(limit) ? quietUntil : limit;
    }
}
