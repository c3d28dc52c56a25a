package kubetutor.engine.session;

import kubetutor.engine.command.CommandInput;
import kubetutor.engine.command.ScriptReader;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.rest.ExecSession;
import kubetutor.engine.rest.RestApi;
import kubetutor.engine.rest.RestRequest;
import kubetutor.engine.rest.StreamTarget;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.snapshot.JournalStep;
import kubetutor.engine.workspace.RecordingEditor;
import kubetutor.engine.workspace.RecordingWorkspace;

import java.util.List;

/** One journal step run again on a session being restored, as it ran when recorded, with its output discarded. */
final class JournalReplay {
    private final Session s;
    private final CommandRunner runner;
    /** The background jobs the replay started, which {@link #stopJobs} ends. */
    private final List<ReplayedJob> jobs = new java.util.ArrayList<>();

    JournalReplay(Session s, CommandRunner runner) {
        this.s = s;
        this.runner = runner;
    }

    /** Returns false when the step visibly went another way than when it was recorded. */
    boolean replay(JournalStep step, ReplayRules rules) {
        if (step instanceof JournalStep.Clock c) {
            if (c.until().isBefore(s.now())) {
                return false;
            }
            rules.bound(Pacer.IMMEDIATE).runUntil(s.cluster().sim(), () -> false, c.until());
            return true;
        }
        if (step instanceof JournalStep.Type t) {
            if (s.terminal == null) {
                return false;
            }
            ReplayPacer pacer = new ReplayPacer(t.pacing());
            runner.feedTerminal(t.text(), Session.DISCARD, rules.bound(pacer));
            return pacer.finished();
        }
        if (step instanceof JournalStep.Request q) {
            // an API call, never a workspace command: a snapshot is data
            new RestApi(s.cluster()).handle(new RestRequest(q.method(), q.path(), q.query(), q.contentType(), "", q.body()));
            return true;
        }
        if (step instanceof JournalStep.Forward f) {
            ServedForward.replay(s, f);
            return true;
        }
        if (step instanceof JournalStep.ExecOpen || step instanceof JournalStep.ExecInput || step instanceof JournalStep.ExecEnd) {
            return replayExec(step);
        }
        if (step instanceof JournalStep.Background b) {
            List<CommandInput> commands = ScriptReader.read(b.run().command());
            if (commands.size() != 1) {
                return false;
            }
            jobs.add(ReplayedJob.start(s, runner, commands.get(0), b.run()));
            return true;
        }
        JournalStep.Run r = (JournalStep.Run) step;
        List<CommandInput> commands = ScriptReader.read(r.command());
        if (commands.size() != 1) {
            return false;
        }
        boolean[] meanwhileFaithful = {true};
        ReplayPacer pacer = new ReplayPacer(r.pacing(), r.meanwhile(), m -> meanwhileFaithful[0] &= replay(m, rules));
        RecordingEditor edits = RecordingEditor.replaying(r.edits());
        runner.run(commands.get(0), Session.DISCARD, rules.bound(pacer), RecordingWorkspace.replaying(r.files()), edits, false);
        return pacer.finished() && edits.finished() && meanwhileFaithful[0];
    }

    /** Ends the jobs still running: the shell that ran them does not outlive a load either. */
    void stopJobs() {
        jobs.forEach(ReplayedJob::stop);
        jobs.clear();
    }

    /** A step of an exec stream, its output let go; false when the stream it names did not open. */
    private boolean replayExec(JournalStep step) {
        if (step instanceof JournalStep.ExecOpen o) {
            try {
                s.streams.put(o.stream(), ExecSession.start(s.cluster(), new RestRequest("POST", o.path(), o.query(), "", "", ""), UNHEARD));
                return true;
            } catch (ApiException | StreamTarget.KubeletRefusal e) {
                return false;
            }
        }
        int stream = step instanceof JournalStep.ExecInput i ? i.stream() : ((JournalStep.ExecEnd) step).stream();
        ExecSession exec = s.streams.get(stream);
        if (exec == null) {
            return false;
        }
        if (step instanceof JournalStep.ExecInput i) {
            exec.input(i.text());
        } else if (((JournalStep.ExecEnd) step).hangUp()) {
            exec.cancel();
            s.streams.remove(stream);
        } else {
            exec.inputClosed();
        }
        return true;
    }

    /** Where a replayed stream's output goes: nobody is there to read it. */
    private static final ExecSession.Sink UNHEARD = new ExecSession.Sink() {
        @Override
        public void stdout(String text) {
        }

        @Override
        public void stderr(String text) {
        }

        @Override
        public void exited(int code) {
        }
    };
}
