package kubetutor.engine.rest;

import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.container.SimRuntime;
import kubetutor.engine.container.sh.InteractiveShell;
import kubetutor.engine.container.sh.ShProcess;
import kubetutor.engine.container.sh.Step;
import kubetutor.engine.kubelet.ExecResult;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.util.List;

/**
 * pods/exec over a stream: a command in a simulated container, its output sent as printed, each
 * of its sleeps resumed when the cluster's clock gets there (so in realtime mode {@code sleep 5}
 * takes five seconds, and the cluster moves on meanwhile). With a tty and a shell, the learner
 * types into an interactive shell through {@link LineDiscipline}. Everything runs on the engine's thread.
 */
public final class ExecSession {
    /** How long a command may run in simulated time, as kubetutor's own exec allows. */
    private static final Duration LIMIT = Duration.ofHours(1);
    private static final int MAX_BUSY_SLICES = 500;
    private static final List<String> SHELLS = List.of("sh", "/bin/sh", "ash", "/bin/ash", "bash", "/bin/bash");

    /** Where the stream's channels go: stdout, stderr, and the end with the command's exit status. */
    public interface Sink {
        void stdout(String text);

        void stderr(String text);

        void exited(int code);
    }

    private final Cluster cluster;
    private final SimRuntime runtime;
    private final StreamTarget target;
    private final List<String> argv;
    private final boolean stdin;
    private final boolean tty;
    private final Sink sink;
    private final StringBuilder script = new StringBuilder();
    private ShProcess process;
    private LineDiscipline terminal;
    private Simulation.Scheduled pending;
    private Duration elapsed = Duration.ZERO;
    private boolean done;

    private ExecSession(Cluster cluster, StreamTarget target, List<String> argv, boolean stdin, boolean tty, Sink sink) {
        this.cluster = cluster;
        this.runtime = (SimRuntime) cluster.runtime();
        this.target = target;
        this.argv = argv;
        this.stdin = stdin;
        this.tty = tty;
        this.sink = sink;
    }

    /** Starts {@code r}'s command (query {@code command}, {@code stdin}, {@code tty}); throws the API's error when it cannot. */
    public static ExecSession start(Cluster cluster, RestRequest r, Sink sink) {
        StreamTarget target = StreamTarget.resolve(cluster, r);
        List<String> argv = r.query().getOrDefault("command", List.of());
        ExecSession s = new ExecSession(cluster, target, argv, r.flag("stdin"), r.flag("tty"), sink);
        s.begin();
        return s;
    }

    private boolean shell() {
        return argv.size() == 1 && SHELLS.contains(argv.get(0));
    }

    private void begin() {
        if (argv.isEmpty() || !runtime.executable(target.containerId(), argv.get(0))) {
            // containerd's refusal, relayed on the stream, then status 126
            sink.stdout(ExecResult.notExecutable(argv.isEmpty() ? "" : argv.get(0)));
            finish(126);
        } else if (shell() && stdin && tty) {
            InteractiveShell sh = runtime.openShell(target.containerId(), text -> sink.stdout(LineDiscipline.onlcr(text)))
                    .orElseThrow();
            terminal = new LineDiscipline(sh, sink::stdout, this::afterLine);
            terminal.start();
        } else if (!(shell() && stdin)) {
            run(argv);
        }
        // A shell with standard input but no terminal reads its script to the end first (exec -i POD -- sh < script).
    }

    /** Bytes the client typed or piped in. */
    public void input(String data) {
        if (done) {
            return;
        }
        if (terminal != null) {
            if (data.indexOf(3) >= 0 && pending != null) {
                pending.cancel(); // Ctrl-C ends the command that sleeps
                pending = null;
            }
            terminal.type(data);
        } else if (process == null && shell() && stdin) {
            script.append(data);
        }
    }

    /** The client's standard input ended. */
    public void inputClosed() {
        if (!done && terminal == null && process == null && shell() && stdin) {
            run(List.of("sh", "-c", script.toString()));
        }
    }

    /** The client went away: nothing more runs. */
    public void cancel() {
        done = true;
        if (pending != null) {
            pending.cancel();
        }
    }

    private void run(List<String> command) {
        java.util.function.Consumer<String> out = tty ? text -> sink.stdout(LineDiscipline.onlcr(text)) : sink::stdout;
        process = runtime.startExec(target.containerId(), command, out, tty ? out : sink::stderr).orElse(null);
        if (process == null) {
            finish(137);
            return;
        }
        resume();
    }

    private void resume() {
        pending = null;
        int busy = 0;
        while (!done) {
            if (!runtime.running(target.containerId())) {
                finish(137);
                return;
            }
            Step s = process.resume();
            if (s instanceof Step.Sleep sleep && sleep.busy() && ++busy <= MAX_BUSY_SLICES) {
                continue;
            }
            if (!(s instanceof Step.Sleep sleep) || sleep.busy()) {
                finish(s instanceof Step.Exited e ? e.code() : 1);
                return;
            }
            elapsed = elapsed.plus(sleep.duration());
            if (elapsed.compareTo(LIMIT) > 0) {
                finish(1);
                return;
            }
            pending = cluster.sim().after(sleep.duration(), this::resume);
            return;
        }
    }

    /** What the interactive shell did with a line: ask again, sleep, or exit. */
    private void afterLine(Step step) {
        if (done) {
            return;
        }
        if (step instanceof Step.Exited e) {
            finish(e.code());
        } else if (step instanceof Step.Sleep sleep) {
            pending = cluster.sim().after(sleep.busy() ? Duration.ZERO : sleep.duration(), () -> afterLine(terminal.resume()));
        } else {
            terminal.prompt();
        }
    }

    private void finish(int code) {
        if (!done) {
            done = true;
            sink.exited(code);
        }
    }
}
