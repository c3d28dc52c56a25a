package kubetutor.shell;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The engine is single-threaded; in the interactive shell three parties reach it: the prompt's
 * commands, the clock moving while the prompt is idle, and {@code serve}'s HTTP requests. Each holds
 * this lock while it touches the session. A foreground command lets go of it while it waits on the
 * wall clock, so that a second terminal's {@code kubectl get pods -w} streams during a rollout.
 */
final class EngineLock {
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile boolean foreground;

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    <T> T call(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Marks a foreground command running: it alone moves the clock meanwhile. */
    void foreground(boolean running) {
        foreground = running;
    }

    boolean foreground() {
        return foreground;
    }

    /** A wall clock whose sleeps free the engine for the others, taking it back after. */
    ShellPacer.WallClock releasingDuringSleep(ShellPacer.WallClock wall) {
        return new ShellPacer.WallClock() {
            @Override
            public long nanos() {
                return wall.nanos();
            }

            @Override
            public boolean sleep(long millis) {
                int holds = lock.getHoldCount();
                for (int i = 0; i < holds; i++) {
                    lock.unlock();
                }
                try {
                    return wall.sleep(millis);
                } finally {
                    for (int i = 0; i < holds; i++) {
                        lock.lock();
                    }
                }
            }
        };
    }
}
