package kubetutor.engine.session;

import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.cluster.ClusterSpec;
import kubetutor.engine.command.CommandInput;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.ScriptReader;
import kubetutor.engine.kubectl.KubeConfig;
import kubetutor.engine.kubectl.Kubectl;
import kubetutor.engine.container.SimRuntime;
import kubetutor.engine.container.Terminal;
import kubetutor.engine.lesson.Curriculum;
import kubetutor.engine.lesson.Language;
import kubetutor.engine.lesson.Tutor;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.snapshot.Snapshot;
import kubetutor.engine.snapshot.SnapshotException;
import kubetutor.engine.rest.RestRequest;
import kubetutor.engine.rest.RestResponse;
import kubetutor.engine.snapshot.JournalStep;
import kubetutor.engine.sessionlog.TranscriptLog;
import kubetutor.engine.workspace.DiskWorkspace;
import kubetutor.engine.workspace.TextEditor;
import kubetutor.engine.workspace.WorkspaceRoot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One learner's simulated cluster and everything typed at it: the front ends' single entry point.
 * The shell, the kernel and batch mode hand it text; it runs each command and hands back
 * structured outputs through a {@link Sink}. Not thread-safe: one thread drives it.
 * <p>
 * It keeps a journal of everything that moved the state since the fresh cluster (commands, lines
 * typed into a container shell, clock movements from outside, and the workspace files commands
 * read), which is what {@link #snapshot()} saves and {@link #restore(Snapshot)} replays.
 */
public final class Session {
    static final Sink DISCARD = o -> { };

    private final SessionOptions options;
    private final ClusterSpec optionsCluster;
    final Kubectl kubectl = new Kubectl();
    final SimCommands simCommands;
    final CommandRunner runner = new CommandRunner(this);
    private final CommandGuard guard = new CommandGuard(this);
    /** Made on first use: a one-shot command never loads the lesson runtime (start-up time). */
    private Tutor tutor;
    private Path workDir;
    /** The top of the learner's workspace: every name a command gives resolves inside it. */
    final WorkspaceRoot workspace;
    // The state a snapshot restores: all of it is replaced at once by start() and restore().
    private long seed;
    private Instant epoch;
    private ClusterSpec clusterSpec;
    private Cluster cluster;
    /** The prompt's shell variables (HOME, and what NAME=value set) and the last command's status ($?). */
    ShellVariables variables;
    /** The kubeconfig as the last command of a replay left it: load puts it back in ~/.kube/config. */
    KubeConfig replayedKubeconfig;
    int lastStatus;
    private ClockMode clockMode;
    /** The mode a fresh cluster starts in: manual for scripts and notebooks, realtime at the shell's prompt. */
    private ClockMode startingClockMode = ClockMode.MANUAL;
    /** Where a fresh cluster's date comes from ({@link #startDatesAt}); null: the options' epoch. */
    private InstantSource dates;
    /** The container shell the learner is attached to (kubectl exec -it, run -it), if any. */
    Terminal terminal;
    Journal journal;
    /** The exec streams serve keeps open into this cluster. */
    StreamTable streams;
    /** The learner's editor for kubectl edit, as the front end supplies it (none until it does). */
    TextEditor editor = TextEditor.NONE;
    /** Whether the front end's standard input is a terminal (a notebook has none): kubectl -t needs one. */
    boolean stdinIsTerminal = true;
    private final TranscriptLog transcript = new TranscriptLog();
    /** Set on a background job's thread while it runs its command. */
    private final ThreadLocal<Boolean> background = ThreadLocal.withInitial(() -> false);
    /** The state when the running command started: where a failure of kubetutor itself goes back to. */
    Snapshot commandStart;

    public Session(SessionOptions options) throws IOException {
        this.options = options;
        this.optionsCluster = options.clusterFile() == null ? ClusterSpec.kubeadmLab() : ClusterSpec.read(options.clusterFile());
        this.workDir = options.workDir().toAbsolutePath().normalize();
        this.workspace = new WorkspaceRoot(workDir);
        this.simCommands = new SimCommands(this);
        start(options.seed(), optionsCluster, options.epoch());
    }

    /** A fresh cluster and everything around it, with an empty journal. */
    private void start(long seed, ClusterSpec spec, Instant epoch) {
        this.seed = seed;
        this.epoch = epoch;
        this.clusterSpec = spec;
        this.cluster = new Cluster(seed, spec, SimRuntime::new, epoch);
        this.variables = new ShellVariables();
        this.lastStatus = 0;
        this.clockMode = startingClockMode;
        this.terminal = null;
        this.journal = new Journal();
        this.streams = new StreamTable();
    }

    /**
     * Runs every command in {@code text} (one or more lines; here-documents included). Returns the last
     * exit status. This is the engine's boundary: whatever goes wrong inside a command becomes one
     * line of error, the state goes back to where it was before that command, and the session goes on.
     */
    public int execute(String text, Sink sink, Pacer pacer) {
        List<Output> printed = new ArrayList<>();
        Sink both = o -> {
            printed.add(o);
            sink.emit(o);
        };
        try {
            return guard.execute(text, both, pacer);
        } finally {
            transcript.add(new TranscriptLog.Entry(text, printed));
        }
    }

    /**
     * Runs {@code text} as a background job ({@code CMD &}) of the interactive shell, on the job's
     * own thread: as {@link #execute}, except that it is not the command at the prompt, so what
     * serve does while it runs is journaled on its own, in order.
     */
    public int executeInBackground(String text, Sink sink, Pacer pacer) {
        background.set(true);
        try {
            return execute(text, sink, pacer);
        } finally {
            background.remove();
        }
    }

    boolean inBackground() {
        return background.get();
    }

    /** What was typed and printed so far, for {@code transcript FILE}. */
    public TranscriptLog transcript() {
        return transcript;
    }

    int executeUnguarded(String text, Sink sink, Pacer pacer) {
        if (terminal != null) {
            RecordingPacer recording = new RecordingPacer(pacer);
            int status = runner.feedTerminal(text, sink, recording);
            journal.add(new JournalStep.Type(text, recording.pacing()));
            return status;
        }
        List<CommandInput> commands;
        try {
            commands = ScriptReader.read(text);
        } catch (ScriptReader.Incomplete e) {
            sink.emit(Output.Error.of("sh: syntax error: unexpected end of file (" + e.getMessage() + ")"));
            return 2;
        } catch (ScriptReader.Malformed e) {
            sink.emit(Output.Error.of("sh: " + e.getMessage()));
            return 2;
        }
        int status = runner.runAll(commands, sink, pacer);
        if (tutor != null) {
            tutor.afterCommand(sink::emit);
        }
        return status;
    }

    /** The container shell lines go to, when the learner is attached to one (its prompt replaces the session's). */
    public java.util.Optional<Terminal> terminal() {
        return java.util.Optional.ofNullable(terminal);
    }

    /** Runs kubectl outside the journal, for what only prints (help pages). */
    int kubectl(List<String> args, Sink sink) {
        return kubectl.run(args, parsed -> {
            throw new IllegalStateException("help runs no verb");
        }, sink::emit);
    }

    boolean isKubectlCommand(String word) {
        return kubectl.spec().subcommand(word).isPresent() || word.equals("help") || word.equals("options");
    }

    /** Whether the text is a whole command or needs more lines (open quote, here-document, trailing backslash). */
    public static ScriptReader.Completeness completeness(String text) {
        return ScriptReader.check(text);
    }

    /** The command table (kubectl and the simulator's own commands) for completion and help. */
    public List<CommandSpec> commands() {
        List<CommandSpec> all = new ArrayList<>();
        all.add(kubectl.spec());
        all.addAll(SimCommands.specs());
        return all;
    }

    public Cluster cluster() {
        return cluster;
    }

    /**
     * The editor kubectl edit opens from now on: the front end's (the shell's terminal, batch
     * mode's $KUBE_EDITOR or $EDITOR, or the kernel's refusal). It is not part of a snapshot; what
     * it gave back is.
     */
    public void useEditor(TextEditor editor) {
        this.editor = editor;
    }

    /**
     * Says whether commands' standard input is a terminal. Without one, {@code exec -it} and
     * {@code run -it} do what kubectl does with stdin not a tty: warn, and give the container's
     * shell an input that ends at once, so the learner is never left attached to it.
     */
    public void stdinIsTerminal(boolean terminal) {
        this.stdinIsTerminal = terminal;
    }

    /** The lesson runtime: which lesson runs and where (the shell's prompt and completion read it). */
    public Tutor tutor() {
        if (tutor == null) {
            tutor = new Tutor(Curriculum.builtIn(), new SessionLessonHost(this), Language.EN);
        }
        return tutor;
    }

    /** The kubeconfig as kubectl would read it now ($KUBECONFIG's, or ~/.kube/config in the tutor's home); admin.conf's when unreadable. */
    public KubeConfig kubeconfig() {
        try {
            return KubeconfigLoading.of(List.of(), variables.environment("KUBECONFIG"))
                    .load(new DiskWorkspace(workspace, workDir), false);
        } catch (RuntimeException e) {
            return new KubeConfig();
        }
    }

    /** The namespace of the current context (the prompt shows it). */
    public String namespace() {
        return kubeconfig().namespace();
    }

    public Instant now() {
        return cluster.sim().now();
    }

    public ClockMode clockMode() {
        return clockMode;
    }

    /**
     * Makes {@code mode} the clock mode of this session and of every fresh cluster after it
     * ({@code reset}, {@code load}): the interactive shell follows the wall clock from the start.
     */
    public void startClockIn(ClockMode mode) {
        this.startingClockMode = mode;
        this.clockMode = mode;
    }

    void setClockMode(ClockMode mode) {
        this.clockMode = mode;
    }

    /** Lets simulated time pass (the front ends' realtime clock calls this between commands). */
    public void advance(Duration d) {
        Instant before = now();
        cluster.sim().advance(d);
        if (!now().isAfter(before)) {
            return;
        }
        // Consecutive movements are one: running the events due in two steps or one is the same.
        journal.clockMoved(new JournalStep.Clock(now()));
    }

    public Path workDir() {
        return workDir;
    }

    /**
     * Where a name typed in this session is on the host, inside the workspace ("/" is its top); null
     * when only a link out of the workspace leads there. Front ends resolve their own names here
     * too (a notebook's %%file, the shell's editor commands).
     */
    public Path resolve(String name) {
        return workspace.resolve(workDir, name);
    }

    /**
     * Words as the session's shell expands them ($NAME, ${NAME}, a leading ~), for the front ends'
     * own commands (the shell's vi FILE); the tutor's home is made when ~ names it.
     */
    public List<String> expand(List<String> words) {
        return runner.expandVariables(words);
    }

    /** The current directory as the workspace names it ("/" at its top), for pwd. */
    public String workDirShown() {
        return workspace.show(workDir);
    }

    void setWorkDir(Path dir) {
        this.workDir = dir;
    }

    /** A fresh cluster from the session's own seed and cluster shape: what `reset` and a kernel restart give. */
    public void reset() {
        start(options.seed(), optionsCluster, freshEpoch());
    }

    /**
     * Makes fresh clusters (this one, if nothing has happened in it yet, and every {@code reset}
     * after) start at {@code wall}'s now, to the second, instead of the options' fixed date: the
     * interactive shell's cluster then has today's timestamps, as a real one does, and the real
     * kubectl's ages agree with it. Nothing reads the wall clock past the start: the simulation
     * is as deterministic from that date as from any other, and a snapshot keeps the date.
     */
    public void startDatesAt(InstantSource wall) {
        this.dates = wall;
        if (journal.steps().isEmpty()) {
            start(seed, clusterSpec, freshEpoch());
        }
    }

    private Instant freshEpoch() {
        return dates == null ? options.epoch() : dates.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Whether {@link #snapshot()} can be taken: not once the session's commands have read more files
     * than a snapshot may hold (a reset starts afresh).
     */
    public boolean snapshottable() {
        return !journal.overflowed();
    }

    /** The whole state, as a value: a front end can keep it in memory or write it with SnapshotFormat. */
    public Snapshot snapshot() {
        if (journal.overflowed()) {
            throw new IllegalStateException("the journal let go of its steps: see snapshottable()");
        }
        return new Snapshot(seed, clusterSpec, journal.steps(), now(), cluster.rng().fingerprint(), tutor == null ? null
                : tutor.place().orElse(null), epoch);
    }

    /**
     * Rebuilds the state a snapshot was taken in: a fresh cluster of its shape and seed, then its
     * journal replayed with output discarded. The workspace directory stays as it is. When the replay
     * does not end where the snapshot says it should, the session is left exactly as it was.
     */
    public void restore(Snapshot snapshot) throws SnapshotException {
        new SessionRestore(this, runner).restore(snapshot);
    }

    /** A fresh cluster from a snapshot's seed, shape and epoch, with an empty journal: where its replay starts. */
    void startFrom(Snapshot snapshot) {
        start(snapshot.seed(), snapshot.cluster(), snapshot.epoch());
    }

    /** Everything a restore replaces, so that a failed one can put it back. */
    Saved saved() {
        return new Saved(seed, epoch, clusterSpec, cluster, variables, lastStatus, clockMode, terminal, journal, streams);
    }

    void putBack(Saved before) {
        seed = before.seed();
        epoch = before.epoch();
        clusterSpec = before.spec();
        cluster = before.cluster();
        variables = before.variables();
        lastStatus = before.lastStatus();
        clockMode = before.clockMode();
        terminal = before.terminal();
        journal = before.journal();
        streams = before.streams();
    }

    record Saved(long seed, Instant epoch, ClusterSpec spec, Cluster cluster, ShellVariables variables, int lastStatus, ClockMode clockMode,
                 Terminal terminal, Journal journal, StreamTable streams) {}

    /** Whether the lesson runtime has been made (a restore puts a lesson back only where one ran or was saved). */
    boolean tutorStarted() {
        return tutor != null;
    }

    /**
     * Answers a request to the cluster's REST API ({@code serve}), as the engine's boundary answers
     * a command: whatever goes wrong inside is a 500 Status and the cluster as it was. A request
     * that may have changed the cluster is journaled, so a snapshot replays it.
     */
    public RestResponse serve(RestRequest request) {
        return ApiRequests.serve(this, request);
    }

    /**
     * Opens a pods/exec stream of {@code serve} ({@link ServedExec}): what it does is journaled as
     * it happens, so a snapshot replays it. Throws the API's (or the kubelet's) error when no
     * command can start, and {@link ServedExec.Failed} when kubetutor itself fails.
     */
    public ServedExec exec(RestRequest request, kubetutor.engine.rest.ExecSession.Sink sink) {
        return ServedExec.open(this, request, sink);
    }

    /**
     * An HTTP request kubectl port-forward carries into a pod, answered from inside it; journaled,
     * since the container may log it.
     */
    public kubetutor.engine.kubelet.HttpResult forward(String podIp, int port, String path, String userAgent) {
        return ServedForward.answer(this, new JournalStep.Forward(podIp, port, path, userAgent));
    }

    public SessionOptions options() {
        return options;
    }
}
