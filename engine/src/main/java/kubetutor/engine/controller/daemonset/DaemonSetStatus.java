package kubetutor.engine.controller.daemonset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.Keys;
import kubetutor.engine.controller.PodConditions;
import kubetutor.engine.controller.WorkQueue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * updateDaemonSetStatus: per node that should run the pod, whether it has one (current), whether
 * the oldest is ready and available, whether it is of the current template (updated); pods on
 * nodes that should not run it are misscheduled. Written only when a number changed.
 */
final class DaemonSetStatus {
    /** podByCreationTimestampAndPhase: the oldest first, a running pod before a pending one of the same age. */
    static final Comparator<JsonNode> OLDEST_FIRST = Comparator
            .comparing((JsonNode p) -> Meta.creationTime(p))
            .thenComparing(p -> !p.path("status").path("phase").asText("").equals("Running"))
            .thenComparing(Meta::name);

    private DaemonSetStatus() {}

    static void write(ApiServer api, ObjectNode ds, List<ObjectNode> nodes, NodeEligibility eligibility,
                      Map<String, List<JsonNode>> byNode, String hash, Instant now, WorkQueue<String> queue) {
        long minReady = ds.path("spec").path("minReadySeconds").asLong(0);
        int desired = 0;
        int current = 0;
        int misscheduled = 0;
        int ready = 0;
        int available = 0;
        int updated = 0;
        for (ObjectNode node : nodes) {
            List<JsonNode> pods = byNode.get(Meta.name(node));
            boolean scheduled = pods != null && !pods.isEmpty();
            if (!eligibility.of(node).shouldRun()) {
                misscheduled += scheduled ? 1 : 0;
                continue;
            }
            desired++;
            if (!scheduled) {
                continue;
            }
            current++;
            List<JsonNode> sorted = new ArrayList<>(pods);
            sorted.sort(OLDEST_FIRST);
            JsonNode pod = sorted.get(0);
            if (PodConditions.isReady(pod)) {
                ready++;
                if (PodConditions.isAvailable(pod, minReady, now)) {
                    available++;
                }
            }
            if (DaemonPods.isUpdated(ds, pod, hash)) {
                updated++;
            }
        }
        // In the order kubectl prints a status (sorted keys).
        ObjectNode status = Meta.JSON.objectNode();
        JsonNode collisions = ds.path("status").get("collisionCount");
        if (collisions != null) {
            status.set("collisionCount", collisions);
        }
        status.put("currentNumberScheduled", current);
        status.put("desiredNumberScheduled", desired);
        if (available > 0) {
            status.put("numberAvailable", available);
        }
        status.put("numberMisscheduled", misscheduled);
        status.put("numberReady", ready);
        if (desired - available > 0) {
            status.put("numberUnavailable", desired - available);
        }
        status.put("observedGeneration", ds.path("metadata").path("generation").asLong(1));
        if (updated > 0) {
            status.put("updatedNumberScheduled", updated);
        }
        if (!status.equals(ds.get("status"))) {
            ObjectNode next = Meta.newVersion(ds);
            next.set("status", status);
            api.updateStatus(ResourceTypes.DAEMON_SET, next);
        }
        if (minReady > 0 && ready != available) {
            // Resynced after minReadySeconds, when the ready pods may have become available.
            queue.addAfter(Keys.of(ds), Duration.ofSeconds(minReady));
        }
    }
}
