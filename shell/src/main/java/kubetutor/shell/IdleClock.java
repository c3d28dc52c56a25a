package kubetutor.shell;

import kubetutor.engine.session.Session;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * In realtime mode, moves the simulated clock while the prompt waits, when someone is there to see
 * it: a background job (its loop answers above the prompt) or a second terminal on {@code serve}.
 * Without either, the clock catches up when the next command starts, as it always has. In manual
 * mode nothing moves here: a job then lives through the time a foreground {@code sleep} or watch
 * lets pass, at the simulated instants it asked for.
 */
final class IdleClock implements AutoCloseable {
    private static final long TICK_MILLIS = 100;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kubetutor-idle-clock");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param catchUp moves the clock to the wall clock's now (the loop's own catch-up, so the two never count time twice)
     * @param wanted  whether anyone watches the clock between commands
     */
    IdleClock(Session session, EngineLock engine, Runnable catchUp, BooleanSupplier wanted) {
        thread.scheduleWithFixedDelay(() -> {
            if (engine.foreground()) {
                return;
            }
            try {
                engine.run(() -> {
                    if (!engine.foreground() && session.clockMode().realtime() && wanted.getAsBoolean()) {
                        catchUp.run();
                    }
                });
            } catch (RuntimeException e) {
                // a failure inside the simulation must not stop the clock for every later tick
            }
        }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
