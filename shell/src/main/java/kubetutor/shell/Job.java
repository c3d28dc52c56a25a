package kubetutor.shell;

import kubetutor.engine.output.Sink;
import kubetutor.engine.session.Session;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.sim.Simulation;

import java.time.Instant;
import java.util.concurrent.Semaphore;

/**
 * One background job ({@code CMD &}) of the interactive shell. The engine is single-threaded, so the
 * job runs as a coroutine on its own thread: it runs only while the thread that holds the engine
 * waits for it, and each time the command wants simulated time to pass it schedules its wake-up as
 * an event on the simulation's queue and hands control back. Whoever moves the clock (a foreground
 * {@code sleep}, a watch, the idle prompt in realtime mode) runs that event, and the job's next
 * step happens at exactly its simulated instant, between the cluster's other events: a job's loop
 * answers once a simulated second however the clock is moved.
 */
final class Job implements Pacer {
    enum State { RUNNING, DONE, TERMINATED }

    private final int number;
    private final long pid;
    private final String command;
    private final Session session;
    private final Semaphore resume = new Semaphore(0);
    private final Semaphore yielded = new Semaphore(0);
    private volatile boolean cancelled;
    private volatile boolean finished;
    private volatile int status;
    private Simulation.Scheduled wake;
    private Simulation sim;

    /** @param command what was typed, without its {@code &} */
    Job(int number, long pid, String command, Session session) {
        this.number = number;
        this.pid = pid;
        this.command = command;
        this.session = session;
    }

    /** Starts the command and runs it up to its first wait; the caller holds the engine. */
    void start(Sink sink) {
        Thread t = new Thread(() -> {
            resume.acquireUninterruptibly();
            try {
                status = session.executeInBackground(command, sink, this);
            } catch (RuntimeException | StackOverflowError e) {
                status = 1; // the session's boundary words failures; nothing may escape the job's thread
            } finally {
                finished = true;
                yielded.release();
            }
        }, "kubetutor-job-" + number);
        t.setDaemon(true);
        t.start();
        step();
    }

    /** Lets the job run until it waits for time again or ends; the caller holds the engine. */
    private void step() {
        resume.release();
        yielded.acquireUninterruptibly();
    }

    @Override
    public Instant advance(Instant now, Instant limit) {
        if (cancelled) {
            return null;
        }
        sim = session.cluster().sim();
        wake = sim.at(limit, this::step);
        yielded.release();
        resume.acquireUninterruptibly();
        wake = null;
        return cancelled ? null : limit;
    }

    /** A job runs until it ends or is killed, as a process does: its watches do not time out. */
    @Override
    public boolean followsWallClock() {
        return true;
    }

    /** {@code kill %N}, or Ctrl-C after {@code fg}: the command stops at its wait; the caller holds the engine. */
    void kill() {
        if (finished) {
            return;
        }
        cancelled = true;
        Simulation.Scheduled w = wake;
        if (w != null) {
            w.cancel();
        }
        step();
    }

    int number() {
        return number;
    }

    long pid() {
        return pid;
    }

    String command() {
        return command;
    }

    boolean finished() {
        return finished;
    }

    State state() {
        return !finished ? State.RUNNING : cancelled ? State.TERMINATED : State.DONE;
    }

    int status() {
        return status;
    }
}
