package kubetutor.engine.container;

import kubetutor.engine.container.sh.ShProcess;
import kubetutor.engine.container.sh.Step;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.util.List;

/**
 * A main process run by the sh interpreter on the simulated clock: each {@link Step.Sleep} becomes
 * a timer, each {@link Step.Exited} the container's exit. As PID 1 without a trap it ignores SIGTERM.
 */
final class ShellMain extends MainProcess {
    private final List<String> argv;
    private ShProcess process;
    private Simulation.Scheduled wake;

    ShellMain(SimContainer container, List<String> argv) {
        super(container);
        this.argv = argv;
    }

    @Override
    void begin() {
        if (ended()) {
            return;
        }
        process = ShProcess.start(argv, container);
        step();
    }

    private void step() {
        wake = null;
        if (ended()) {
            return;
        }
        Step s = process.resume();
        handle(s);
    }

    private void handle(Step s) {
        if (s instanceof Step.Sleep sleep) {
            wake = container.sim().after(sleep.duration(), this::step);
        } else if (s instanceof Step.Exited e) {
            end(e.code());
        } else {
            end(0);
        }
    }

    @Override
    public void terminate() {
        if (ended() || process == null) {
            return;
        }
        if (process.terminate()) {
            cancelWake();
            handle(process.resume());
        }
    }

    @Override
    public void kill() {
        if (ended()) {
            return;
        }
        cancelWake();
        if (process == null) {
            end(137);
            return;
        }
        handle(process.kill());
    }

    private void cancelWake() {
        if (wake != null) {
            wake.cancel();
            wake = null;
        }
    }

    @Override
    void stopped() {
        cancelWake();
        process = null; // what its shell held goes with it (the previous instance stays for kubectl logs -p)
    }
}
