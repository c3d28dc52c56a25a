package kubetutor.engine.session;

import kubetutor.engine.command.CommandInput;
import kubetutor.engine.command.ScriptReader;
import kubetutor.engine.command.Substitutions;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.Variables;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.kubectl.GlobalFlags;
import kubetutor.engine.kubectl.KubeConfig;
import kubetutor.engine.kubectl.verb.KubeConfigFile;
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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a session runs what was typed: redirects, pipes and {@code $(...)} around kubectl or a
 * simulator command, the journal entry each leaves (with the files it read and the edits made),
 * and lines typed into an attached container shell. The session keeps the state; this runs on it.
 */
final class CommandRunner {
    private final Session s;
    /** The status of the last $(...) of the command running: an assignment alone ends with it. */
    private int captureStatus;

    CommandRunner(Session s) {
        this.s = s;
    }

    int runAll(List<CommandInput> commands, Sink sink, Pacer pacer) {
        int status = 0;
        for (CommandInput c : commands) {
            if (c.when().runsAfter(status)) {
                status = executeOne(c, sink, pacer);
                s.lastStatus = status;
            }
        }
        return status;
    }

    private int executeOne(CommandInput typed, Sink sink, Pacer pacer) {
        CommandInput c = expandRedirect(typed, true);
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
        if (s.inBackground()) {
            return BackgroundRun.run(s, this, c, sink, pacer);
        }
        RecordingPacer recording = new RecordingPacer(pacer);
        RecordingWorkspace files = new RecordingWorkspace(new DiskWorkspace(s.workspace, s.workDir()));
        RecordingEditor edits = new RecordingEditor(s.editor);
        boolean atPrompt = s.journal.commandStarted();
        List<JournalStep.Meanwhile> meanwhile = List.of();
        int status;
        try {
            status = run(c, sink, recording, files, edits, true);
        } finally {
            if (atPrompt) {
                meanwhile = s.journal.commandEnded();
            }
        }
        s.journal.add(new JournalStep.Run(c.text(), files.seen(), recording.pacing(), edits.outcomes(), meanwhile));
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
        typed = expandRedirect(typed, live);
        List<String> words = typed.words();
        int assignments = 0;
        while (assignments < words.size() && Variables.isAssignment(words.get(assignments))) {
            assignments++;
        }
        if (assignments > 0) {
            words = new ArrayList<>(words);
            for (int i = 0; i < assignments; i++) {
                words.set(i, Variables.unsplit(words.get(i)));
            }
        }
        words = Variables.expand(words, name -> variable(name, live));
        captureStatus = 0;
        if (Substitutions.any(words)) {
            // $(...) runs first, as part of this command: the journal keeps the outer command only.
            words = Substitutions.expand(words, inner -> capture(inner, sink, pacer, workspace, editor, live));
        }
        if (assignments == words.size()) {
            // NAME=value alone sets a shell variable; its status is that of the last $(...) in it, as in sh
            words.forEach(s.variables::assign);
            return captureStatus;
        }
        // NAME=value before a command is in that command's environment only: the shell's variables stay as they were
        Map<String, String> prefix = new LinkedHashMap<>();
        for (String w : words.subList(0, assignments)) {
            prefix.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
        }
        words = words.subList(assignments, words.size());
        if (words.isEmpty()) {
            return 0;
        }
        CommandInput c = new CommandInput(words, typed.stdin(), typed.redirect(), typed.append(), typed.text(), typed.when(),
                typed.background(), typed.pipeline());
        return runExpanded(c, prefix, sink, pacer, workspace, editor, live);
    }

    /** @param prefix the NAME=value words typed before the command's name */
    private int runExpanded(CommandInput c, Map<String, String> prefix, Sink sink, Pacer pacer, Workspace workspace,
                            TextEditor editor, boolean live) {
        Sink target = sink;
        Redirect redirect = null;
        if (c.redirect() != null && live) {
            redirect = new Redirect(s.resolve(c.redirect()), c.redirect(), c.append(), sink);
            target = redirect;
        }
        Deque<PipeStage> stages = new ArrayDeque<>();
        target = stages(c.pipeline(), target, stages, pacer, workspace, editor, live);
        int status;
        String first = c.words().get(0);
        List<String> rest = c.words().subList(1, c.words().size());
        if (!live && !ReplayRules.replays(first)) {
            status = 127; // not found when recorded, so nothing to do again
        } else if (first.equals("kubectl") || first.equals("k")) {
            // "&": the command gets no time to hold the terminal; sh gives a background job status 0
            status = runKubectl(rest, s.variables.environment(prefix), c.stdin(), target, c.background() ? Pacer.BACKGROUND : pacer,
                    workspace, editor, live);
            status = c.background() ? 0 : status;
            if (s.cluster().runtime() instanceof SimRuntime sim) {
                s.terminal = sim.takeAttached();
            }
        } else if (TextTools.NAMES.contains(first)) {
            status = TextTools.run(s, first, rest, prefix, c.stdin(), target, workspace, live);
        } else {
            status = s.simCommands.run(first, rest, c, target, pacer);
        }
        s.cluster().sim().settle();
        while (!stages.isEmpty()) {
            status = stages.pop().close(); // upstream first: each feeds the next; the last one's status is the pipeline's
        }
        if (redirect != null) {
            redirect.close();
        }
        return status;
    }

    /**
     * The stages after the command's "|", pushed downstream first: sh runs the text filters, and
     * xargs (anywhere in the pipeline) runs session commands, kubectl above all, into what follows it.
     * @return where the command's output goes
     */
    private Sink stages(String pipeline, Sink target, Deque<PipeStage> stages, Pacer pacer, Workspace workspace, TextEditor editor,
                        boolean live) {
        if (pipeline == null) {
            return target;
        }
        Xargs.Split split = Xargs.split(pipeline);
        if (split == null) {
            Pipe pipe = new Pipe(pipeline, target, s.cluster().sim().now(), s.variables.all(), s::resolve, s.workDirShown());
            stages.push(pipe);
            return pipe;
        }
        Sink out = stages(split.after(), target, stages, pacer, workspace, editor, live);
        List<String> words = Variables.expand(split.words(), name -> variable(name, live));
        Xargs xargs = new Xargs(words, out, built -> runExpanded(Xargs.command(built), Map.of(), out, pacer, workspace, editor, live));
        stages.push(xargs);
        return stages(split.before(), xargs, stages, pacer, workspace, editor, live);
    }

    /**
     * kubectl reads the kubeconfig in the tutor's home before each command, as the real one reads
     * ~/.kube/config, and a config command that changed it writes it back (not while replaying: the
     * replay reads the file as the command found it).
     *
     * @param env kubectl's environment: $KUBECONFIG says which files it reads, $KUBE_EDITOR and
     *            $EDITOR which editor edit opens
     */
    int runKubectl(List<String> args, Map<String, String> env, String stdin, Sink out, Pacer pacer, Workspace workspace,
                   TextEditor editor, boolean live) {
        KubeConfig kc;
        KubeconfigLoading loading = KubeconfigLoading.of(args, Optional.ofNullable(env.get("KUBECONFIG")));
        TextEditor opened = editor.under(ShellVariables.only(env, "KUBE_EDITOR", "EDITOR"));
        try {
            kc = loading.load(workspace, needsServer(args));
        } catch (UsageException e) {
            out.emit(Output.Error.of(e.getMessage()));
            return 1;
        }
        String unusable = KubeConfigFile.unusable(kc);
        if (unusable != null && needsServer(args)) {
            out.emit(Output.Error.of(unusable));
            return 1;
        }
        String before = KubeConfigFile.text(kc, s.cluster());
        KubeConfig loaded = KubeConfigFile.parse(before);
        int status = s.kubectl.run(args, parsed -> new Invocation(parsed, s.cluster(), kc, stdin, out, pacer, workspace, "kubectl",
                opened, s.stdinIsTerminal && stdin == null), out::emit);
        if (live && !KubeConfigFile.text(kc, s.cluster()).equals(before)) {
            if (loading.usesHome()) {
                TutorHome.save(s.workspace, kc, s.cluster());
            } else {
                loading.save(workspace, loaded, kc, k -> KubeConfigFile.text(k, s.cluster()))
                        .ifPresent(why -> out.emit(Output.Error.of("error: " + why)));
            }
        }
        if (!live) {
            s.replayedKubeconfig = kc; // what a restore leaves in ~/.kube/config
        }
        return status;
    }

    /** Whether kubectl would load a client for these arguments (config, help and completion do not). */
    private static boolean needsServer(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-h") || a.equals("--help")) {
                return false;
            }
            if (takesSeparateValue(a)) {
                i++; // "--kubeconfig FILE config view": FILE is not the command
                continue;
            }
            if (!a.startsWith("-")) {
                // __complete asks the server for names, but an answer without them is still an answer
                return !List.of("config", "help", "completion", "options", "plugin", "__complete", "__completeNoDesc").contains(a);
            }
        }
        return false;
    }

    private static boolean takesSeparateValue(String arg) {
        for (FlagSpec f : GlobalFlags.ALL) {
            if (f.takesValue() && (arg.equals("--" + f.name()) || f.shorthand() != null && arg.equals("-" + f.shorthand()))) {
                return true;
            }
        }
        return false;
    }

    List<String> expandVariables(List<String> words) {
        return Variables.expand(words, name -> variable(name, true));
    }

    /** {@code > ~/out.txt}: the redirect's word is expanded as one field, as sh does. */
    private CommandInput expandRedirect(CommandInput c, boolean live) {
        if (c.redirect() == null) {
            return c;
        }
        String target = String.join("", Variables.expand(List.of(Variables.unsplit(c.redirect())), name -> variable(name, live)));
        return target.equals(c.redirect()) ? c : new CommandInput(c.words(), c.stdin(), target, c.append(), c.text(), c.when(),
                c.background(), c.pipeline());
    }

    /**
     * A variable's value for expansion; making the tutor's home the first time ~ or $HOME names it
     * (not while replaying: a replay writes no file).
     */
    private String variable(String name, boolean live) {
        if (name.equals("?")) {
            return String.valueOf(s.lastStatus);
        }
        if (name.equals("HOME") && live) {
            TutorHome.ensure(s.workspace, s.cluster());
        }
        return s.variables.get(name);
    }

    /** What the commands of {@code text} print on standard output; their errors still reach {@code sink}. */
    private String capture(String text, Sink sink, Pacer pacer, Workspace workspace, TextEditor editor, boolean live) {
        CapturedStdout capturing = new CapturedStdout(sink);
        try {
            int status = 0;
            for (CommandInput inner : ScriptReader.read(text)) {
                if (inner.when().runsAfter(status)) {
                    status = run(inner, capturing, pacer, workspace, editor, live);
                    s.lastStatus = status;
                }
            }
            captureStatus = status;
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
