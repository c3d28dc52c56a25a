package kubetutor.kernel;

import kubetutor.engine.session.ClockMode;
import kubetutor.engine.sim.Pacer;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Lets simulated time pass for a cell. In the manual clock (the default, and what notebooks use)
 * time jumps to where the command needs it; after {@code clock realtime} it follows the wall clock,
 * so the kernel sleeps here, in short slices, checking for an interrupt. An interrupt only sets a
 * flag: the running command sees {@code null}, stops as kubectl does on Ctrl-C, and the worker
 * thread returns normally (no Thread.interrupt anywhere).
 */
final class KernelPacer implements Pacer {
    private static final long SLICE_NANOS = 10_000_000L;
    private static final long MAX_WAIT_NANOS = 100_000_000L;

    private final Supplier<ClockMode> clockMode;
    private volatile boolean cancelled;
    /** Called each time the command asks for time: held output (a watched map's update) goes out when due. */
    private Runnable tick;

    KernelPacer(Supplier<ClockMode> clockMode) {
        this.clockMode = clockMode;
    }

    void cancel() {
        cancelled = true;
    }

    void onTick(Runnable tick) {
        this.tick = tick;
    }

    void reset() {
        cancelled = false;
    }

    boolean cancelled() {
        return cancelled;
    }

    @Override
    public Instant advance(Instant now, Instant limit) {
        if (tick != null) {
            tick.run();
        }
        if (cancelled) {
            return null;
        }
        ClockMode mode = clockMode.get();
        if (!mode.realtime()) {
            return limit;
        }
        double speed = mode.speed();
        // A watch asks for "forever" (a far limit): wait in slices, never compute its nanoseconds.
        java.time.Duration ahead = java.time.Duration.between(now, limit);
        long needed = ahead.compareTo(java.time.Duration.ofDays(1)) > 0 ? MAX_WAIT_NANOS : (long) (ahead.toNanos() / speed);
        long wait = Math.max(0, Math.min(needed, MAX_WAIT_NANOS));
        long start = System.nanoTime();
        while (System.nanoTime() - start < wait) {
            if (cancelled) {
                return null;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(SLICE_NANOS, wait - (System.nanoTime() - start)));
        }
        if (cancelled) {
            return null;
        }
        long simNanos = Math.max(1, (long) ((System.nanoTime() - start) * speed));
        Instant next = now.plusNanos(simNanos);
        return next.isAfter(limit) ? limit : next;
    }

    @Override
    public boolean followsWallClock() {
        return clockMode.get().realtime();
    }
}
