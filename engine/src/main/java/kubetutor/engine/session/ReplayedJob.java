package kubetutor.engine.session;

import kubetutor.engine.command.CommandInput;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.sim.Simulation;
import kubetutor.engine.snapshot.JournalStep;
import kubetutor.engine.workspace.RecordingEditor;
import kubetutor.engine.workspace.RecordingWorkspace;

import java.time.Instant;
import java.util.concurrent.Semaphore;

/**
 * A background job run again by a replay, as the shell ran it: a coroutine on a thread of its own
 * that runs only while the replay waits for it. Each time its command wants time to pass it
 * schedules its wake-up on the simulation's queue and hands control back; whatever moves the
 * clock next in the replay (a clock step, a command) runs it at exactly that instant, between the
 * cluster's other events, as it ran live. It stops where it was stopped then, or where the replay ends.
 */
final class ReplayedJob implements Pacer {
    private final Simulation sim;
    private final ReplayPacer recorded;
    private final Semaphore resume = new Semaphore(0);
    private final Semaphore yielded = new Semaphore(0);
    private volatile boolean stopped;
    private volatile boolean finished;
    private volatile Throwable failure;
    private Simulation.Scheduled wake;

    private ReplayedJob(Simulation sim, JournalStep.Pacing pacing) {
        this.sim = sim;
        this.recorded = new ReplayPacer(pacing);
    }

    /** Starts {@code run}'s command and runs it up to its first wait. */
    static ReplayedJob start(Session s, CommandRunner runner, CommandInput command, JournalStep.Run run) {
        ReplayedJob job = new ReplayedJob(s.cluster().sim(), run.pacing());
        Thread t = new Thread(() -> {
            job.resume.acquireUninterruptibly();
            try {
                runner.run(command, Session.DISCARD, job, RecordingWorkspace.replaying(run.files()),
                        RecordingEditor.replaying(run.edits()), false);
            } catch (RuntimeException | StackOverflowError e) {
                job.failure = e;
            } finally {
                job.finished = true;
                job.yielded.release();
            }
        }, "kubetutor-replayed-job");
        t.setDaemon(true);
        t.start();
        job.step();
        return job;
    }

    private void step() {
        resume.release();
        yielded.acquireUninterruptibly();
        if (failure instanceof RuntimeException e) {
            failure = null;
            throw e; // the replay's own boundary words it
        }
    }

    @Override
    public Instant advance(Instant now, Instant limit) {
        Instant allowed = stopped ? null : recorded.advance(now, limit);
        if (allowed == null) {
            return null; // stopped here when recorded (kill %N), or the replay is over
        }
        wake = sim.at(allowed, this::step);
        yielded.release();
        resume.acquireUninterruptibly();
        wake = null;
        return stopped ? null : allowed;
    }

    /** A job runs until it ends or is stopped, as a process does: its watches do not time out. */
    @Override
    public boolean followsWallClock() {
        return true;
    }

    /** The replay is over: a job still running when the snapshot was taken ends where it waits. */
    void stop() {
        if (finished) {
            return;
        }
        stopped = true;
        Simulation.Scheduled w = wake;
        if (w != null) {
            w.cancel();
        }
        step();
    }
}
