package kubetutor.engine.container;

import kubetutor.engine.container.sh.ShProcess;
import kubetutor.engine.kubelet.ContainerRuntime;
import kubetutor.engine.kubelet.ExecResult;

import java.time.Duration;
import java.util.List;

/** A container's PID 1, whatever it is; exec'd commands run beside it with the sh interpreter. */
abstract class MainProcess implements ContainerRuntime.Process {
    final SimContainer container;
    private ContainerRuntime.ExitListener exits;
    private boolean ended;

    MainProcess(SimContainer container) {
        this.container = container;
    }

    /** Begins running; the first step comes from the clock, never from inside the kubelet's call. */
    final void start(ContainerRuntime.ExitListener listener) {
        this.exits = listener;
        container.sim().after(Duration.ZERO, this::begin);
    }

    abstract void begin();

    boolean ended() {
        return ended;
    }

    /** Ends the process once, and tells the kubelet (why, when the OOM killer ended it, as containerd does). */
    void end(int code) {
        if (ended) {
            return;
        }
        ended = true;
        stopped();
        boolean oom = container.memory().killed();
        container.memory().release();
        container.dropFiles();
        exits.exited(code, oom ? "OOMKilled" : null);
    }

    /** Releases what the process held (its timers, its ports). */
    abstract void stopped();

    @Override
    public ExecResult exec(List<String> argv, Duration timeout) {
        if (ended) {
            return new ExecResult(-1, "", "", false);
        }
        List<String> run = container.hasBash() ? SimRuntime.withShell(argv) : argv;
        if (!ShProcess.isExecutable(run.get(0), container.fs())) {
            return new ExecResult(126, ExecResult.notExecutable(argv.get(0)), "", false);
        }
        return ShProcess.runToCompletion(run, container, timeout);
    }
}
