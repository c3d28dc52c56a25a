package kubetutor.shell;

import kubetutor.engine.session.ClockMode;
import kubetutor.engine.sim.Pacer;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * How simulated time moves while one command runs in the shell. With {@code clock realtime} it
 * follows the wall clock (times the speed), so a watch streams changes as they happen; a
 * {@code sleep} in manual mode fast-forwards in about {@link #FAST_FORWARD}, showing its progress;
 * anything else in manual mode jumps as in batch mode. Ctrl-C ({@link #cancel}) ends the wait.
 */
final class ShellPacer implements Pacer {
    /** How long (wall time) a manual-mode sleep takes to fast-forward, however long it is. */
    static final Duration FAST_FORWARD = Duration.ofMillis(700);
    private static final long STEP_MILLIS = 20;
    /** How often a long wait hands control back, so the progress line and AGE columns move. */
    private static final long RETURN_NANOS = 100_000_000L;

    private final ClockMode mode;
    private final Duration sleepTotal;
    private final WallClock wall;
    private final Consumer<String> status;
    private volatile boolean cancelled;
    private Instant simStart;
    private long wallStart;
    private boolean statusShown;

    /**
     * @param sleepTotal how long the command sleeps when it is a {@code sleep}, else null
     * @param status     shows a transient progress line ("" removes it)
     */
    ShellPacer(ClockMode mode, Duration sleepTotal, WallClock wall, Consumer<String> status) {
        this.mode = mode;
        this.sleepTotal = sleepTotal;
        this.wall = wall;
        this.status = status;
    }

    @Override
    public boolean followsWallClock() {
        return mode.realtime();
    }

    /** Simulated nanoseconds per wall nanosecond, or 0 for "jump straight there". */
    private double rate() {
        if (mode.realtime()) {
            return mode.speed();
        }
        if (sleepTotal == null || sleepTotal.isZero()) {
            return 0;
        }
        return (double) sleepTotal.toNanos() / FAST_FORWARD.toNanos();
    }

    @Override
    public Instant advance(Instant now, Instant limit) {
        if (cancelled) {
            return null;
        }
        double rate = rate();
        if (rate == 0) {
            return limit;
        }
        if (simStart == null) {
            simStart = now;
            wallStart = wall.nanos();
        }
        long calledAt = wall.nanos();
        while (true) {
            if (cancelled) {
                return null;
            }
            long elapsed = wall.nanos() - wallStart;
            Instant allowed = simStart.plusNanos((long) (elapsed * rate));
            if (!allowed.isBefore(limit)) {
                progress(limit);
                return limit;
            }
            if (allowed.isAfter(now) && wall.nanos() - calledAt >= RETURN_NANOS) {
                progress(allowed);
                return allowed;
            }
            if (!wall.sleep(STEP_MILLIS)) {
                cancelled = true;
            }
        }
    }

    private void progress(Instant at) {
        if (sleepTotal != null && simStart != null) {
            Duration done = Duration.between(simStart, at);
            if (done.compareTo(sleepTotal) > 0) {
                done = sleepTotal;
            }
            status.accept("⏱ " + format(done) + " / " + format(sleepTotal));
            statusShown = true;
        }
    }

    /** Ctrl-C: the running command stops at its next step. Safe from a signal-handling thread. */
    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Removes the progress line, if one is showing. */
    void finish() {
        if (statusShown) {
            status.accept("");
            statusShown = false;
        }
    }

    /** Short durations as a learner reads them: 45s, 2m10s, 1h5m. */
    static String format(Duration d) {
        long s = d.getSeconds();
        long h = s / 3600;
        long m = s % 3600 / 60;
        long sec = s % 60;
        StringBuilder b = new StringBuilder();
        if (h > 0) {
            b.append(h).append('h');
        }
        if (m > 0) {
            b.append(m).append('m');
        }
        if (sec > 0 || b.length() == 0) {
            b.append(sec).append('s');
        }
        return b.toString();
    }

    /** The wall clock, behind a seam so that tests need not wait. */
    interface WallClock {
        long nanos();

        /** Sleeps; false when the thread was interrupted. */
        boolean sleep(long millis);

        WallClock SYSTEM = new WallClock() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public boolean sleep(long millis) {
                try {
                    Thread.sleep(millis);
                    return true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        };
    }
}
