package kubetutor.engine.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * The virtual clock and its event queue: a discrete-event simulation. Everything that takes time
 * (an image pull, a probe period, a grace period) is an event at a simulated instant; advancing the
 * clock runs the events due, in time order, ties in the order they were scheduled.
 */
public final class Simulation {
    /** A fixed start, so that every session prints the same timestamps. */
    public static final Instant EPOCH = Instant.parse("2026-01-05T09:00:00Z");

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>();
    private Instant now;
    private long sequence;

    public Simulation(Instant start) {
        this.now = start;
    }

    public Instant now() {
        return now;
    }

    /** Runs {@code action} {@code delay} from now. */
    public Scheduled after(Duration delay, Runnable action) {
        return at(now.plus(delay), action);
    }

    public Scheduled at(Instant when, Runnable action) {
        Scheduled s = new Scheduled(when.isBefore(now) ? now : when, sequence++, action);
        queue.add(s);
        return s;
    }

    /** Runs everything due now (work that was scheduled with no delay). */
    public void settle() {
        advanceTo(now);
    }

    /** Moves the clock to {@code until}, running every event due on the way. */
    public void advanceTo(Instant until) {
        while (!queue.isEmpty() && !queue.peek().when.isAfter(until)) {
            Scheduled next = queue.poll();
            if (next.cancelled) {
                continue;
            }
            now = next.when;
            next.action.run();
        }
        if (until.isAfter(now)) {
            now = until;
        }
    }

    public void advance(Duration d) {
        advanceTo(now.plus(d));
    }

    /** How many events have been scheduled so far: the simulation's work, which bounds a snapshot's replay. */
    public long scheduled() {
        return sequence;
    }

    /** The time of the next pending event, or null when nothing is queued. */
    public Instant nextEventTime() {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            queue.poll();
        }
        return queue.isEmpty() ? null : queue.peek().when;
    }


    /** A handle on a scheduled event, so that it can be called off (a probe timer of a deleted pod). */
    public static final class Scheduled implements Comparable<Scheduled> {
        private final Instant when;
        private final long seq;
        private final Runnable action;
        private boolean cancelled;

        Scheduled(Instant when, long seq, Runnable action) {
            this.when = when;
            this.seq = seq;
            this.action = action;
        }

        public void cancel() {
            cancelled = true;
        }

        public Instant when() {
            return when;
        }

        @Override
        public int compareTo(Scheduled o) {
            int c = when.compareTo(o.when);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
