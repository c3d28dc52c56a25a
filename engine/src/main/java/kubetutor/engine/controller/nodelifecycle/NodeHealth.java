package kubetutor.engine.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the node lifecycle controller last saw of one node's health signals (nodeHealthData), and
 * tryUpdateNodeHealth's reading of a new look. The probe time is the controller's own clock when
 * it saw a signal change, never a time the kubelet wrote: a heartbeat counts from the monitor pass
 * that noticed it (up to one --node-monitor-period after it came). A node whose lease and status
 * stayed unchanged for longer than the grace period gets its conditions set to Unknown.
 */
final class NodeHealth {
    /** --node-monitor-grace-period: 50s since Kubernetes 1.32 (40s before). */
    static final Duration GRACE = Duration.ofSeconds(50);
    /** --node-startup-grace-period, for a node that never posted a Ready condition. */
    static final Duration STARTUP_GRACE = Duration.ofSeconds(60);
    /** The conditions that turn Unknown; NetworkUnavailable belongs to the network plugin and is left alone. */
    private static final List<String> UNKNOWN_WHEN_SILENT = List.of("Ready", "MemoryPressure", "DiskPressure", "PIDPressure");

    private Instant probe;
    private JsonNode savedReady;
    private JsonNode savedLease;

    /**
     * The outcome of one look: the health to keep, the Ready status before the look (observed; a
     * node that never posted one counts as Unknown) and after it (current, null while there is no
     * Ready condition), and the status to write when the controller set conditions Unknown (else null).
     */
    record Look(NodeHealth health, String observed, String current, ObjectNode statusToWrite) {}

    private NodeHealth(Instant probe, JsonNode savedReady, JsonNode savedLease) {
        this.probe = probe;
        this.savedReady = savedReady;
        this.savedLease = savedLease;
    }

    /** tryUpdateNodeHealth; {@code saved} is null for a node not seen before. */
    static Look look(NodeHealth saved, JsonNode node, JsonNode lease, Instant now) {
        JsonNode ready = condition(node, "Ready");
        String observed = ready == null ? "Unknown" : ready.path("status").asText();
        NodeHealth h = saved;
        Duration grace = GRACE;
        if (ready == null) {
            // Never posted: as old as the node, with the longer startup grace.
            grace = STARTUP_GRACE;
            if (h == null) {
                h = new NodeHealth(Meta.creationTime(node), null, null);
            }
        }
        if (h == null || h.savedReady == null && ready != null || h.savedReady != null && ready == null) {
            h = new NodeHealth(now, ready, null);
        } else if (ready != null && !Objects.equals(h.savedReady.path("lastHeartbeatTime"), ready.path("lastHeartbeatTime"))) {
            // The kubelet posted its status since the last look.
            h = new NodeHealth(now, ready, h.savedLease);
        }
        // A lease renewed since the last look is a heartbeat too.
        if (lease != null && h.savedLease != lease
                && (h.savedLease == null || renewTime(h.savedLease).compareTo(renewTime(lease)) < 0)) {
            h.savedLease = lease;
            h.probe = now;
        }
        String current = ready == null ? null : observed;
        if (!now.isAfter(h.probe.plus(grace))) {
            return new Look(h, observed, current, null);
        }
        ObjectNode status = silent(node, now);
        JsonNode after = condition(status, "Ready");
        if (after.equals(ready)) {
            return new Look(h, observed, current, null);
        }
        h.savedReady = after;
        return new Look(h, observed, after.path("status").asText(), status);
    }

    /** The node's status with every watched condition Unknown: "Kubelet stopped posting node status." */
    private static ObjectNode silent(JsonNode node, Instant now) {
        String stamp = Meta.timestamp(now);
        ObjectNode status = Meta.shallowCopy((ObjectNode) node.path("status"));
        ArrayNode conditions = status.putArray("conditions");
        node.path("status").path("conditions").forEach(conditions::add);
        for (String type : UNKNOWN_WHEN_SILENT) {
            boolean found = false;
            for (int i = 0; i < conditions.size(); i++) {
                JsonNode c = conditions.get(i);
                if (!c.path("type").asText().equals(type)) {
                    continue;
                }
                found = true;
                if (!c.path("status").asText().equals("Unknown")) {
                    conditions.set(i, ((ObjectNode) c).deepCopy().put("lastTransitionTime", stamp)
                            .put("message", "Kubelet stopped posting node status.").put("reason", "NodeStatusUnknown")
                            .put("status", "Unknown"));
                }
            }
            if (!found) {
                conditions.addObject().put("lastHeartbeatTime", node.path("metadata").path("creationTimestamp").asText())
                        .put("lastTransitionTime", stamp).put("message", "Kubelet never posted node status.")
                        .put("reason", "NodeStatusNeverUpdated").put("status", "Unknown").put("type", type);
            }
        }
        return status;
    }

    /** The condition of {@code type} in a node or a node status, or null. */
    static JsonNode condition(JsonNode nodeOrStatus, String type) {
        JsonNode conditions = nodeOrStatus.has("conditions") ? nodeOrStatus.path("conditions")
                : nodeOrStatus.path("status").path("conditions");
        for (JsonNode c : conditions) {
            if (c.path("type").asText().equals(type)) {
                return c;
            }
        }
        return null;
    }

    private static String renewTime(JsonNode lease) {
        // MicroTime text has a fixed width: its order is the time order.
        return lease.path("spec").path("renewTime").asText("");
    }

    /** Exiting a full disruption: every node starts its grace period afresh. */
    void resetProbe(Instant now) {
        probe = now;
    }
}
