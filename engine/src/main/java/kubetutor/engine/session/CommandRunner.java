package kubetutor.engine.session;

import kubetutor.engine.command.CommandInput;
import kubetutor.engine.command.ScriptReader;
import kubetutor.engine.command.Substitutions;
import kubetutor.engine.container.SimRuntime;
import kubetutor.engine.container.Terminal;
import kubetutor.engine.container.sh.Step;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.snapshot.JournalStep;
import kubetutor.engine.workspace.DiskWorkspace;
import kubetutor.engine.workspace.RecordingEditor;
import kubetutor.engine.workspace.RecordingWorkspace;
import kubetutor.engine.workspace.TextEditor;
import kubetutor.engine.workspace.Workspace;

import java.util.List;

/**
 * How a session runs what was typed: redirects, pipes and {@code $(...)} around kubectl or a
 * simulator command, the journal entry each leaves (with the files it read and the edits made),
 * and lines typed into an attached container shell. The session keeps the state; this runs on it.
 */
final class CommandRunner {
    private final Session s;

    CommandRunner(Session s) {
        this.s = s;
    }

    int runAll(List<CommandInput> commands, Sink sink, Pacer pacer) {
        int status = 0;
        for (CommandInput c : commands) {
            if (c.when().runsAfter(status)) {
                status = executeOne(c, sink, pacer);
            }
        }
        return status;
    }

    private int executeOne(CommandInput c, Sink sink, Pacer pacer) {
        s.commandStart = s.snapshottable() ? s.snapshot() : null; // the earlier commands of the same text stand if this one fails
        if (c.redirect() != null) {
            String problem = Redirect.problem(s.resolve(c.redirect()), c.redirect());
            if (problem != null) {
                sink.emit(Output.Error.of(problem));
                return 1;
            }
        }
        if (c.words().isEmpty()) {
            return run(c, sink, pacer, new DiskWorkspace(s.workspace, s.workDir()), s.editor, true);
        }
        // A $(...) inside a read-only helper ("echo $(kubectl run ...)") may still change the cluster.
        if (!SimCommands.journaled(c.words().get(0)) && !Substitutions.any(c.words())) {
            return run(c, sink, pacer, new DiskWorkspace(s.workspace, s.workDir()), s.editor, true);
        }
        RecordingPacer recording = new RecordingPacer(pacer);
        RecordingWorkspace files = new RecordingWorkspace(new DiskWorkspace(s.workspace, s.workDir()));
        RecordingEditor edits = new RecordingEditor(s.editor);
        int status = run(c, sink, recording, files, edits, true);
        s.journal.add(new JournalStep.Run(c.text(), files.seen(), recording.pacing(), edits.outcomes()));
        return status;
    }

    /** @param live false while replaying: output and {@code > file} go nowhere */
    int run(CommandInput typed, Sink sink, Pacer pacer, Workspace workspace, TextEditor editor, boolean live) {
        if (typed.words().isEmpty()) {
            if (typed.redirect() != null && live) {
                new Redirect(s.resolve(typed.redirect()), typed.redirect(), typed.append(), sink).close(); // "> file" alone empties it
            }
            return 0;
        }
        CommandInput c = typed;
        if (Substitutions.any(typed.words())) {
            // $(...) runs first, as part of this command: the journal keeps the outer command only.
            List<String> words = Substitutions.expand(typed.words(), inner -> capture(inner, sink, pacer, workspace, editor, live));
            if (words.isEmpty()) {
                return 0;
            }
            c = new CommandInput(words, typed.stdin(), typed.redirect(), typed.append(), typed.text(), typed.when(),
                    typed.background(), typed.pipeline());
        }
        return runExpanded(c, sink, pacer, workspace, editor, live);
    }

    private int runExpanded(CommandInput c, Sink sink, Pacer pacer, Workspace workspace, TextEditor editor, boolean live) {
        Sink target = sink;
        Redirect redirect = null;
        if (c.redirect() != null && live) {
            redirect = new Redirect(s.resolve(c.redirect()), c.redirect(), c.append(), sink);
            target = redirect;
        }
        Pipe pipe = null;
        if (c.pipeline() != null) {
            pipe = new Pipe(c.pipeline(), target, s.cluster().sim().now());
            target = pipe;
        }
        int status;
        String first = c.words().get(0);
        List<String> rest = c.words().subList(1, c.words().size());
        if (!live && !ReplayRules.replays(first)) {
            status = 127; // not found when recorded, so nothing to do again
        } else if (first.equals("kubectl") || first.equals("k")) {
            status = runKubectl(rest, c.stdin(), target, pacer, workspace, editor);
            if (s.cluster().runtime() instanceof SimRuntime sim) {
                s.terminal = sim.takeAttached();
            }
        } else {
            status = s.simCommands.run(first, rest, c, target, pacer);
        }
        s.cluster().sim().settle();
        if (pipe != null) {
            status = pipe.close();
        }
        if (redirect != null) {
            redirect.close();
        }
        return status;
    }

    int runKubectl(List<String> args, String stdin, Sink out, Pacer pacer, Workspace workspace, TextEditor editor) {
        return s.kubectl.run(args, parsed -> new Invocation(parsed, s.cluster(), s.kubeconfig(), stdin, out, pacer, workspace, "kubectl",
                editor, s.stdinIsTerminal && stdin == null), out::emit);
    }

    /** What the commands of {@code text} print on standard output; their errors still reach {@code sink}. */
    private String capture(String text, Sink sink, Pacer pacer, Workspace workspace, TextEditor editor, boolean live) {
        CapturedStdout capturing = new CapturedStdout(sink);
        try {
            int status = 0;
            for (CommandInput inner : ScriptReader.read(text)) {
                if (inner.when().runsAfter(status)) {
                    status = run(inner, capturing, pacer, workspace, editor, live);
                }
            }
        } catch (ScriptReader.Unreadable e) {
            sink.emit(Output.Error.of("sh: syntax error: " + e.getMessage()));
        }
        return capturing.text();
    }

    /**
     * Lines typed while attached to a container shell go to that shell; a sleep inside lets simulated
     * time pass as the front end's pacer allows. The shell's exit detaches.
     */
    int feedTerminal(String text, Sink sink, Pacer pacer) {
        int status = 0;
        Terminal t = s.terminal;
        t.output(s -> sink.emit(new Output.Text(s, Output.TextKind.MESSAGE)));
        for (String line : text.split("\n", -1)) {
            if (s.terminal == null) {
                break;
            }
            if (line.isEmpty() && text.endsWith("\n")) {
                continue;
            }
            Step step = t.feed(line);
            while (step instanceof Step.Sleep sl) {
                var sim = s.cluster().sim();
                if (!pacer.runUntil(sim, () -> false, sim.now().plus(sl.duration()))) {
                    t.interrupt(); // Ctrl-C reaches the command, not the session: a busy loop ends here
                    status = 130;
                    break;
                }
                step = t.resume();
            }
            if (step instanceof Step.Exited e) {
                s.terminal = null;
                t.exited(e.code()).forEach(sink::emit);
                status = e.code();
            }
        }
        s.cluster().sim().settle();
        return status;
    }
}
