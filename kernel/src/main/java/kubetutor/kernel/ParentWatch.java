package kubetutor.kernel;

import java.util.Map;
import java.util.Optional;

/**
 * Ends the kernel when the process that started it is gone, as ipykernel's parent poller does: a
 * notebook server killed with -9 leaves no kernel behind. The parent is {@code JPY_PARENT_PID}
 * (what jupyter_client sets), else this process's parent; pid 1 never goes away, so it is not watched.
 */
final class ParentWatch {
    private static final long CHECK_MS = 1000;

    private ParentWatch() {}

    /** The process to watch, if any. */
    static Optional<ProcessHandle> parent(Map<String, String> env) {
        String pid = env.get("JPY_PARENT_PID");
        Optional<ProcessHandle> parent = Optional.empty();
        if (pid != null && !pid.isBlank()) {
            try {
                parent = ProcessHandle.of(Long.parseLong(pid.strip()));
            } catch (NumberFormatException e) {
                parent = Optional.empty();
            }
        }
        if (parent.isEmpty()) {
            parent = ProcessHandle.current().parent();
        }
        return parent.filter(p -> p.pid() > 1 && p.isAlive());
    }

    /**
     * Starts a daemon thread that calls {@code onGone} once the parent has exited. The handle
     * remembers the parent's start time, so a new process given the same pid is not mistaken for it;
     * polled, because the parent is no child of ours to wait for.
     */
    static void start(ProcessHandle parent, Runnable onGone) {
        Thread t = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(CHECK_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            onGone.run();
        }, "kubetutor-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
