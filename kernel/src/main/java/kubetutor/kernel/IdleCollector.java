package kubetutor.kernel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gives memory back while the notebook is idle: a second after the last cell, one full collection
 * on the cell thread (never during a cell). With the kernelspec's serial collector and its low
 * MaxHeapFreeRatio, that collection shrinks the heap, so a kernel left open holds what its cluster
 * needs rather than the high-water mark of its busiest cell.
 */
final class IdleCollector {
    private static final long IDLE_MS = 1000;

    private final ExecutorService cells;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kubetutor-idle-gc");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;

    IdleCollector(ExecutorService cells) {
        this.cells = cells;
    }

    /** A cell has ended: collect once the kernel has been idle for a while, unless another cell comes first. */
    synchronized void cellEnded() {
        if (pending != null) {
            pending.cancel(false);
        }
        try {
            pending = timer.schedule(this::collect, IDLE_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending = null; // the kernel is shutting down while a queued cell ended: nothing to collect for
        }
    }

    private void collect() {
        try {
            cells.execute(System::gc);
        } catch (RejectedExecutionException e) {
            // shutting down: nothing to give back
        }
    }

    void shutdown() {
        timer.shutdownNow();
    }
}
