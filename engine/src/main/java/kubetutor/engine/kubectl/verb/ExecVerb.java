package kubetutor.engine.kubectl.verb;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.container.SimRuntime;
import kubetutor.engine.container.Terminal;
import kubetutor.engine.container.sh.ShProcess;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubelet.ExecResult;
import kubetutor.engine.output.Output;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** kubectl exec: a command in a running container, or (-it with a shell) an interactive session. */
public final class ExecVerb implements Verb {
    /** How long a one-shot exec may run in simulated time. */
    private static final Duration LIMIT = Duration.ofHours(1);

    private static final CommandSpec SPEC = CommandSpec.of("exec", "Execute a command in a container", List.of(
            FlagSpec.value("container", "c", ValueKind.TEXT, "", "Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen"),
            FlagSpec.bool("stdin", "i", "Pass stdin to the container"),
            FlagSpec.bool("tty", "t", "Stdin is a TTY"),
            FlagSpec.bool("quiet", "q", "Only print output from the remote session"),
            PodForObject.Purpose.ATTACH.timeoutFlag()),
            ValueKind.POD);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        List<String> pos = inv.args().positional();
        if (pos.isEmpty()) {
            throw new UsageException("error: pod, type/name or --filename must be specified");
        }
        if (pos.size() > 1) {
            throw new UsageException("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n"
                    + "See 'kubectl exec -h' for help and examples");
        }
        List<String> argv = inv.args().afterDash();
        if (argv.isEmpty()) {
            throw new UsageException("error: you must specify at least one command for the container");
        }
        PodTarget t = PodTarget.resolve(inv, pos.get(0), inv.args().get("container"), PodForObject.Purpose.ATTACH);
        return exec(inv, t, argv, inv.args().bool("stdin"), inv.args().bool("tty"));
    }

    static int exec(Invocation inv, PodTarget t, List<String> argv, boolean stdin, boolean tty) {
        if (t.phase().equals("Succeeded") || t.phase().equals("Failed")) {
            throw new UsageException("error: cannot exec into a container in a completed pod; current phase is " + t.phase());
        }
        inv.useTty(stdin, tty); // without a terminal: kubectl's warning, then on without a tty
        KubeletDial.forStream(inv, t.pod());
        String id = t.runningId();
        var runtime = inv.cluster().runtime();
        if (id.isEmpty() || runtime.exec(id, List.of("true"), Duration.ofSeconds(1)).isEmpty()) {
            throw new UsageException("error: unable to upgrade connection: container not found (\"" + t.container() + "\")");
        }
        boolean shell = argv.size() == 1 && List.of("sh", "/bin/sh", "ash", "/bin/ash", "bash", "/bin/bash").contains(argv.get(0));
        if (shell && stdin && inv.stdin() != null) {
            // exec -i POD -- sh <<EOF: the script comes on standard input.
            argv = List.of("sh", "-c", inv.stdin());
        } else if (shell && stdin && !inv.stdinIsTerminal()) {
            // No terminal and nothing piped in (a notebook): the shell reads the end of its input and exits.
            argv = List.of("sh", "-c", "");
        } else if (shell && stdin && runtime instanceof SimRuntime sim) {
            if (!isExecutable(runtime, id, argv.get(0))) {
                return notFound(inv, argv.get(0));
            }
            Terminal.open(sim, id, status -> status == 0 ? List.of()
                    : List.of(Output.Error.of("command terminated with exit code " + status))).ifPresent(sim::attach);
            return 0;
        }
        if (runtime instanceof SimRuntime sim) {
            return streamed(inv, sim, id, argv);
        }
        ExecResult r = runtime.exec(id, argv, LIMIT).orElseThrow();
        if (r.exitCode() == 126 && r.stdout().startsWith("OCI runtime exec failed")) {
            return notFound(inv, argv.get(0));
        }
        if (!r.stdout().isEmpty()) {
            inv.sink().emit(new Output.Text(r.stdout(), Output.TextKind.MESSAGE));
        }
        if (!r.stderr().isEmpty()) {
            inv.sink().emit(new Output.Error(r.stderr(), false));
        }
        if (r.timedOut()) {
            inv.sink().emit(Output.Error.of(STOPPED));
            return 1;
        }
        int code = r.exitCode();
        if (code != 0) {
            inv.sink().emit(Output.Error.of("command terminated with exit code " + code));
        }
        return code;
    }

    /**
     * kubectl streams what the command prints while it runs, and the cluster goes on meanwhile: a
     * loop of requests and sleeps in one pod sees the rollout the others make.
     */
    private static int streamed(Invocation inv, SimRuntime sim, String id, List<String> argv) {
        ShProcess.Streamed r = sim.execStreaming(id, argv,
                text -> inv.sink().emit(new Output.Text(text, Output.TextKind.MESSAGE)),
                text -> inv.sink().emit(new Output.Error(text, false)),
                LIMIT, until -> inv.runUntil(() -> false, until)).orElseThrow();
        switch (r.end()) {
            case NOT_FOUND:
                return notFound(inv, argv.get(0));
            case LIMIT:
                inv.sink().emit(Output.Error.of(STOPPED));
                return 1;
            case CANCELLED:
                return 130;
            default:
                break;
        }
        if (r.exitCode() != 0) {
            inv.sink().emit(Output.Error.of("command terminated with exit code " + r.exitCode()));
        }
        return r.exitCode();
    }

    /** kubectl would still be waiting (until Ctrl-C); the simulator does not hold a command forever. */
    private static final String STOPPED = "error: kubetutor stopped the command: here a command may run an hour of"
            + " simulated time, five million steps of its shell and print " + ShProcess.OUTPUT_LIMIT / (1024 * 1024)
            + "Mi at most";

    private static boolean isExecutable(kubetutor.engine.kubelet.ContainerRuntime runtime, String id, String argv0) {
        List<String> probe = new ArrayList<>(List.of(argv0, "-c", "true"));
        ExecResult r = runtime.exec(id, probe, Duration.ofSeconds(1)).orElse(null);
        return r != null && !(r.exitCode() == 126 && r.stdout().startsWith("OCI runtime exec failed"));
    }

    /** containerd's refusal, which kubectl relays as the stream's output and exit status 126. */
    private static int notFound(Invocation inv, String argv0) {
        inv.sink().emit(new Output.Text(ExecResult.notExecutable(argv0), Output.TextKind.MESSAGE));
        inv.sink().emit(Output.Error.of("command terminated with exit code 126"));
        return 126;
    }
}
