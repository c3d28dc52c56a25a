package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.image.ImageRef;

/** The kubelet's record of one container of a pod: its spec, state, last state and restarts. */
final class ContainerSlot {
    final String name;
    final JsonNode spec;
    final ImageRef image;
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

    ContainerSlot(JsonNode spec) {
        this.spec = spec;
        this.name = spec.path("name").asText();
        this.image = ImageRef.parse(spec.path("image").asText());
    }

    boolean isRunning() {
        return state instanceof ContainerState.Running;
    }

    String pullPolicy() {
        String policy = spec.path("imagePullPolicy").asText("");
        if (!policy.isEmpty()) {
            return policy;
        }
        return image.isLatest() ? "Always" : "IfNotPresent";
    }
}
