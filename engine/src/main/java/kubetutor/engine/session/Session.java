package kubetutor.engine.session;

import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.cluster.ClusterSpec;
import kubetutor.engine.command.CommandInput;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.ScriptReader;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Kubectl;
import kubetutor.engine.container.SimRuntime;
import kubetutor.engine.container.Terminal;
import kubetutor.engine.container.sh.Step;
import kubetutor.engine.output.Output;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One learner's simulated cluster and everything typed at it: the front ends' single entry point.
 * The shell, the kernel and batch mode hand it text; it runs each command and hands back
 * structured outputs through a {@link Sink}. Not thread-safe: one thread drives it.
 */
public final class Session {
    private final SessionOptions options;
    private final ClusterSpec clusterSpec;
    private final Kubectl kubectl = new Kubectl();
    private final SimCommands simCommands;
    private Cluster cluster;
    private KubeConfig kubeconfig = new KubeConfig();
    private ClockMode clockMode = ClockMode.MANUAL;
    private Path workDir;
    /** The container shell the learner is attached to (kubectl exec -it, run -it), if any. */
    private Terminal terminal;

    public Session(SessionOptions options) throws IOException {
        this.options = options;
        this.clusterSpec = options.clusterFile() == null ? ClusterSpec.kubeadmLab() : ClusterSpec.read(options.clusterFile());
        this.workDir = options.workDir().toAbsolutePath().normalize();
        this.simCommands = new SimCommands(this);
        this.cluster = newCluster();
    }

    private Cluster newCluster() {
        return new Cluster(options.seed(), clusterSpec, SimRuntime::new);
    }

    /** Runs every command in {@code text} (one or more lines; here-documents included). Returns the last exit status. */
    public int execute(String text, Sink sink, Pacer pacer) {
        if (terminal != null) {
            return feedTerminal(text, sink, pacer);
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
        int status = 0;
        for (CommandInput c : commands) {
            if (c.when().runsAfter(status)) {
                status = executeOne(c, sink, pacer);
            }
        }
        return status;
    }

    private int executeOne(CommandInput c, Sink sink, Pacer pacer) {
        Sink target = sink;
        Redirect redirect = null;
        if (c.redirect() != null) {
            redirect = new Redirect(workDir.resolve(c.redirect()), c.append(), sink);
            target = redirect;
        }
        int status;
        try {
            String first = c.words().get(0);
            List<String> rest = c.words().subList(1, c.words().size());
            if (first.equals("kubectl") || first.equals("k")) {
                final Sink out = target;
                status = kubectl.run(rest, parsed -> new Invocation(parsed, cluster, kubeconfig, c.stdin(), out, pacer,
                        workDir, "kubectl"), out::emit);
                if (cluster.runtime() instanceof SimRuntime sim) {
                    terminal = sim.takeAttached();
                }
            } else {
                status = simCommands.run(first, rest, c, target, pacer);
            }
            cluster.sim().settle();
        } catch (RuntimeException e) {
            // Nothing a user types may end the session: report it as a bug in the simulator, and go on.
            target.emit(Output.Error.of("error: kubetutor failed on this command: " + e));
            status = 1;
        }
        if (redirect != null) {
            redirect.close();
        }
        return status;
    }

    /**
     * Lines typed while attached to a container shell go to that shell; a sleep inside lets simulated
     * time pass as the front end's pacer allows. The shell's exit detaches.
     */
    private int feedTerminal(String text, Sink sink, Pacer pacer) {
        int status = 0;
        Terminal t = terminal;
        t.output(s -> sink.emit(new Output.Text(s, Output.TextKind.MESSAGE)));
        for (String line : text.split("\n", -1)) {
            if (terminal == null) {
                break;
            }
            if (line.isEmpty() && text.endsWith("\n")) {
                continue;
            }
            Step step = t.feed(line);
            while (step instanceof Step.Sleep sl) {
                var sim = cluster.sim();
                pacer.runUntil(sim, () -> false, sim.now().plus(sl.duration()));
                step = t.resume();
            }
            if (step instanceof Step.Exited e) {
                terminal = null;
                t.exited(e.code()).forEach(sink::emit);
                status = e.code();
            }
        }
        cluster.sim().settle();
        return status;
    }

    /** The container shell lines go to, when the learner is attached to one (its prompt replaces the session's). */
    public java.util.Optional<Terminal> terminal() {
        return java.util.Optional.ofNullable(terminal);
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

    public KubeConfig kubeconfig() {
        return kubeconfig;
    }

    /** The namespace of the current context (the prompt shows it). */
    public String namespace() {
        return kubeconfig.namespace();
    }

    public Instant now() {
        return cluster.sim().now();
    }

    public ClockMode clockMode() {
        return clockMode;
    }

    void setClockMode(ClockMode mode) {
        this.clockMode = mode;
    }

    /** Lets simulated time pass (the front ends' realtime clock calls this between commands). */
    public void advance(Duration d) {
        cluster.sim().advance(d);
    }

    public Path workDir() {
        return workDir;
    }

    void setWorkDir(Path dir) {
        this.workDir = dir;
    }

    /** A fresh cluster from the same seed: what `reset` and a kernel restart give. */
    public void reset() {
        cluster = newCluster();
        terminal = null;
        kubeconfig = new KubeConfig();
        clockMode = ClockMode.MANUAL;
    }

    public SessionOptions options() {
        return options;
    }
}
