package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.image.ImageRef;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The kubelet's record of one container of a pod: its spec, state, last state, restarts and back-off. */
final class ContainerSlot {
    final String name;
    /** The container's spec and image; an update of the pod may change the image (see {@link #respec}). */
    JsonNode spec;
    ImageRef image;
    ContainerState state = new ContainerState.Waiting("ContainerCreating", null);
    ContainerState lastState;
    int restartCount;
    boolean ready;
    boolean started;
    String containerId;
    String imageId;
    ContainerRuntime.Process process;
    /** Seconds of the next image pull back-off (10s doubling to 300s). */
    int pullBackoff = 10;
    /** How many times a process of this container was started (the first start is not a restart). */
    int runs;
    /** The crash back-off entry (flowcontrol.Backoff): current delay and when it was last stepped. */
    Duration crashBackoff;
    Instant crashBackoffUpdated;
    /** The kubelet's pending sync of this container (a restart in back-off). */
    Simulation.Scheduled resync;
    /** Probe workers of the running process; stopped when it exits. */
    final List<ProbeWorker> probes = new ArrayList<>();
    /** Set when the kubelet decided to kill the process for a failed probe (workers hold). */
    boolean killing;
    /** Set when the kubelet killed the process to start it again at once (its definition changed). */
    boolean restartNow;

    ContainerSlot(JsonNode spec) {
        this.spec = spec;
        this.name = spec.path("name").asText();
        this.image = ImageRef.parse(spec.path("image").asText());
    }

    void respec(JsonNode next) {
        this.spec = next;
        this.image = ImageRef.parse(next.path("image").asText());
    }

    String pullPolicy() {
        String policy = spec.path("imagePullPolicy").asText("");
        if (!policy.isEmpty()) {
            return policy;
        }
        return image.isLatest() ? "Always" : "IfNotPresent";
    }

    void stopProbes() {
        probes.forEach(ProbeWorker::stop);
        probes.clear();
    }
}
