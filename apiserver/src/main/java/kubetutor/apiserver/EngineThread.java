package kubetutor.apiserver;

import kubetutor.engine.session.Session;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one thread that touches the session: the engine is single-threaded, so every request, and
 * the clock's ticks, queue here and run one at a time. In realtime mode the clock follows the wall
 * clock while clients are idle, so a watch in another terminal streams as pods change.
 */
final class EngineThread implements AutoCloseable {
    private static final long TICK_MILLIS = 100;

    private final Session session;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kubetutor-engine");
        t.setDaemon(true);
        return t;
    });
    private final Consumer<Runnable> gate;
    private long lastTick = System.nanoTime();

    EngineThread(Session session, double speed) {
        this(session, speed, Runnable::run);
    }

    /**
     * @param gate runs each piece of work when the session is free: a shell that serves its own
     *             session ({@code serve} at the prompt) shares it with the commands typed there
     */
    EngineThread(Session session, double speed, Consumer<Runnable> gate) {
        this.session = session;
        this.gate = gate;
        if (speed > 0) {
            thread.scheduleWithFixedDelay(() -> tick(speed), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void tick(double speed) {
        long now = System.nanoTime();
        long simNanos = (long) ((now - lastTick) * speed);
        lastTick = now;
        try {
            session.advance(Duration.ofNanos(simNanos));
        } catch (RuntimeException e) {
            // a failure inside the simulation must not stop the clock thread for every later tick
            System.err.println("kubetutor serve: the clock could not move: " + e.getMessage());
        }
    }

    /** Runs {@code work} on the engine's thread and waits for its answer. */
    <T> T call(Function<Session, T> work) throws InterruptedException {
        Callable<T> task = () -> {
            List<T> answer = new ArrayList<>(1);
            gate.accept(() -> answer.add(work.apply(session)));
            return answer.get(0);
        };
        try {
            return thread.submit(task).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Queues {@code work} on the session without waiting (a stream's keystrokes), in turn with the
     * requests and the shell's commands: a stream journals what it does, in the order it happened.
     */
    void run(java.util.function.Consumer<Session> work) {
        thread.execute(() -> gate.accept(() -> {
            try {
                work.accept(session);
            } catch (RuntimeException e) {
                System.err.println("kubetutor serve: a stream failed: " + e.getMessage());
            }
        }));
    }

    /** Queues {@code work} without waiting (a watch's end). */
    void post(Runnable work) {
        thread.execute(() -> gate.accept(work));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
