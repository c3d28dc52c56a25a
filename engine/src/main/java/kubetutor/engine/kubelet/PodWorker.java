package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The kubelet's work on one pod: sandbox, pulls, container starts, termination. */
final class PodWorker {
    final Kubelet kubelet;
    final String namespace;
    final String name;
    final String uid;
    final JsonNode spec;
    final List<ContainerSlot> containers = new ArrayList<>();
    String phase = "Pending";
    String podIp;
    Instant startTime;
    boolean terminating;

    PodWorker(Kubelet kubelet, JsonNode pod) {
        this.kubelet = kubelet;
        this.namespace = Meta.namespace(pod);
        this.name = Meta.name(pod);
        this.uid = Meta.uid(pod);
        this.spec = pod.path("spec");
        for (JsonNode c : spec.path("containers")) {
            containers.add(new ContainerSlot(c));
        }
    }

    /**
     * This pod ran on the node before it was switched off ({@code before}): it starts again in a
     * new sandbox but keeps its start time, and each container its restarts and history. One that
     * was running when the power went containerd finds without its task when it starts, and records
     * as exited then ({@code booted}), reason Unknown, exit code 255.
     */
    void carryOver(PodWorker before, Instant booted) {
        startTime = before.startTime;
        for (int i = 0; i < containers.size() && i < before.containers.size(); i++) {
            ContainerSlot c = containers.get(i);
            ContainerSlot old = before.containers.get(i);
            c.runs = old.runs;
            c.restartCount = old.restartCount;
            c.lastState = old.lastState;
            c.containerId = old.containerId;
            c.imageId = old.imageId;
            c.state = old.state instanceof ContainerState.Running r
                    ? new ContainerState.Terminated(255, "Unknown", null, r.startedAt(), booted, old.containerId)
                    : old.state;
        }
        recomputePhase();
    }

    String fieldPath(ContainerSlot c) {
        return "spec.containers{" + c.name + "}";
    }

    ContainerRuntime.PodContext context() {
        return new ContainerRuntime.PodContext(namespace, name, uid, kubelet.nodeName(), podIp, spec);
    }

    boolean allStopped() {
        return containers.stream().noneMatch(c -> c.process != null);
    }

    /** Derives the pod phase from its containers and restart policy (kubelet's getPhase). */
    void recomputePhase() {
        String policy = spec.path("restartPolicy").asText("Always");
        int running = 0;
        int waiting = 0;
        int succeeded = 0;
        int failed = 0;
        for (ContainerSlot c : containers) {
            if (c.state instanceof ContainerState.Running) {
                running++;
            } else if (c.state instanceof ContainerState.Terminated t) {
                if (t.exitCode() == 0) {
                    succeeded++;
                } else {
                    failed++;
                }
            } else if (c.lastState instanceof ContainerState.Terminated && !policy.equals("Never")) {
                running++;
            } else {
                waiting++;
            }
        }
        if (waiting > 0) {
            phase = running > 0 || podIp != null && phase.equals("Running") ? phase : "Pending";
            if (phase.equals("Running") && running == 0 && succeeded + failed == 0) {
                phase = "Pending";
            }
            return;
        }
        if (running > 0) {
            phase = "Running";
        } else if (policy.equals("Always")) {
            phase = "Running";
        } else if (failed > 0 && policy.equals("Never")) {
            phase = "Failed";
        } else if (failed > 0) {
            phase = "Running";
        } else {
            phase = "Succeeded";
        }
    }

    ObjectNode status(JsonNode oldStatus, Instant now) {
        return PodStatusWriter.write(this, oldStatus, now);
    }
}
