package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;

/**
 * The first container runtime: every main process runs until it is stopped, and stops at once on
 * SIGTERM. The container runtime proper (commands, probes, exits) replaces it behind the same seam.
 */
public final class ForeverRuntime implements ContainerRuntime {
    private final Simulation sim;

    public ForeverRuntime(Simulation sim) {
        this.sim = sim;
    }

    @Override
    public Process start(PodContext pod, JsonNode container, String containerId, ExitListener exits) {
        return new Process() {
            private boolean done;

            @Override
            public void terminate() {
                sim.after(Duration.ofMillis(100), () -> end(0));
            }

            @Override
            public void kill() {
                end(137);
            }

            private void end(int code) {
                if (!done) {
                    done = true;
                    exits.exited(code);
                }
            }
        };
    }
}
