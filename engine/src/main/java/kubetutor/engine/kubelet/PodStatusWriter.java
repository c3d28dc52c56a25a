package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Renders the kubelet's view of a pod as status, in the shape the real kubelet posts. */
final class PodStatusWriter {
    private PodStatusWriter() {}

    static ObjectNode write(PodWorker w, JsonNode oldStatus, Instant now) {
        ObjectNode status = Meta.JSON.objectNode();
        ArrayNode conditions = status.putArray("conditions");
        boolean allReady = !w.containers.isEmpty() && w.containers.stream().allMatch(c -> c.ready);
        boolean completed = w.phase.equals("Succeeded") || w.phase.equals("Failed");
        // A finished pod's conditions say PodCompleted rather than naming unready containers.
        String notReadyReason = completed ? "PodCompleted" : "ContainersNotReady";
        String notReady = completed ? null : notReadyMessage(w.containers);
        Map<Condition, String> since = transitions(oldStatus);
        String stamp = Meta.timestamp(now);
        condition(conditions, since, stamp, "PodReadyToStartContainers", w.podIp != null, null, null);
        condition(conditions, since, stamp, "Initialized", true, null, null);
        condition(conditions, since, stamp, "Ready", allReady,
                allReady ? null : notReadyReason, allReady ? null : notReady);
        condition(conditions, since, stamp, "ContainersReady", allReady,
                allReady ? null : notReadyReason, allReady ? null : notReady);
        condition(conditions, since, stamp, "PodScheduled", true, null, null);
        ArrayNode statuses = status.putArray("containerStatuses");
        for (ContainerSlot c : w.containers) {
            statuses.add(containerStatus(c, w));
        }
        status.put("hostIP", w.kubelet.nodeIp());
        status.putArray("hostIPs").addObject().put("ip", w.kubelet.nodeIp());
        status.put("phase", w.phase);
        if (w.podIp != null) {
            status.put("podIP", w.podIp);
            status.putArray("podIPs").addObject().put("ip", w.podIp);
        }
        JsonNode qos = oldStatus.get("qosClass");
        status.put("qosClass", qos != null ? qos.asText() : "BestEffort");
        status.put("startTime", Meta.timestamp(w.startTime));
        return status;
    }

    private static String notReadyMessage(List<ContainerSlot> containers) {
        StringBuilder names = new StringBuilder();
        for (ContainerSlot c : containers) {
            if (!c.ready) {
                names.append(names.length() == 0 ? "" : " ").append(c.name);
            }
        }
        return "containers with unready status: [" + names + "]";
    }

    /** A condition's type and status: while they stay the same, so does its lastTransitionTime. */
    private record Condition(String type, String status) {}

    private static Map<Condition, String> transitions(JsonNode oldStatus) {
        Map<Condition, String> since = new HashMap<>();
        for (JsonNode old : oldStatus.path("conditions")) {
            since.put(new Condition(old.path("type").asText(), old.path("status").asText()),
                    old.path("lastTransitionTime").asText(null));
        }
        return since;
    }

    /** Keeps lastTransitionTime when the status of a condition has not changed, as the kubelet does. */
    private static void condition(ArrayNode conditions, Map<Condition, String> since, String now, String type,
                                  boolean isTrue, String reason, String message) {
        String value = isTrue ? "True" : "False";
        String transition = since.get(new Condition(type, value));
        ObjectNode c = conditions.addObject();
        c.putNull("lastProbeTime");
        c.put("lastTransitionTime", transition != null ? transition : now);
        if (message != null) {
            c.put("message", message);
        }
        if (reason != null) {
            c.put("reason", reason);
        }
        c.put("status", value);
        c.put("type", type);
    }

    private static ObjectNode containerStatus(ContainerSlot c, PodWorker w) {
        ObjectNode s = Meta.JSON.objectNode();
        if (c.containerId != null) {
            s.put("containerID", c.containerId);
        }
        s.put("image", c.imageId != null ? c.image.qualified() : c.image.written());
        s.put("imageID", c.imageId != null ? c.imageId : "");
        ObjectNode last = s.putObject("lastState");
        if (c.lastState != null) {
            state(last, c.lastState);
        }
        s.put("name", c.name);
        s.put("ready", c.ready);
        s.put("restartCount", c.restartCount);
        s.put("started", c.started);
        state(s.putObject("state"), c.state);
        ArrayNode mounts = null;
        for (JsonNode m : c.spec.path("volumeMounts")) {
            if (mounts == null) {
                mounts = s.putArray("volumeMounts");
            }
            ObjectNode vm = mounts.addObject();
            vm.put("mountPath", m.path("mountPath").asText());
            vm.put("name", m.path("name").asText());
            if (m.path("readOnly").asBoolean(false)) {
                vm.put("readOnly", true);
                vm.put("recursiveReadOnly", "Disabled");
            }
        }
        return s;
    }

    private static void state(ObjectNode into, ContainerState state) {
        if (state instanceof ContainerState.Waiting wt) {
            ObjectNode o = into.putObject("waiting");
            if (wt.message() != null) {
                o.put("message", wt.message());
            }
            o.put("reason", wt.reason());
        } else if (state instanceof ContainerState.Running r) {
            into.putObject("running").put("startedAt", Meta.timestamp(r.startedAt()));
        } else if (state instanceof ContainerState.Terminated t) {
            ObjectNode o = into.putObject("terminated");
            if (t.containerId() != null) {
                o.put("containerID", t.containerId());
            }
            o.put("exitCode", t.exitCode());
            o.put("finishedAt", Meta.timestamp(t.finishedAt()));
            if (t.message() != null) {
                o.put("message", t.message());
            }
            o.put("reason", t.reason());
            o.put("startedAt", Meta.timestamp(t.startedAt()));
        }
    }
}
