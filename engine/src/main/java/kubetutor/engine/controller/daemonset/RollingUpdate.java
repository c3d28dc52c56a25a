package kubetutor.engine.controller.daemonset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.controller.PodConditions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A DaemonSet's rolling update without surge (update.go rollingUpdate, maxSurge 0): old pods are
 * deleted, an unavailable one at once, available ones only while fewer than maxUnavailable nodes
 * lack an available pod; the sync that follows the deletion makes the node's new pod. A
 * DaemonSet with maxSurge set is updated the same way here: kubetutor does not simulate surging.
 */
final class RollingUpdate {
    private RollingUpdate() {}

    /** The old pods to delete now. */
    static List<JsonNode> podsToDelete(JsonNode ds, List<ObjectNode> nodes, NodeEligibility eligibility,
                                       Map<String, List<JsonNode>> byNode, String hash, Instant now) {
        long minReady = ds.path("spec").path("minReadySeconds").asLong(0);
        int desired = 0;
        for (ObjectNode node : nodes) {
            desired += eligibility.of(node).shouldRun() ? 1 : 0;
        }
        int maxUnavailable = maxUnavailable(ds.path("spec").path("updateStrategy").path("rollingUpdate").path("maxUnavailable"),
                desired);
        int unavailable = 0;
        List<JsonNode> replace = new ArrayList<>();
        List<JsonNode> candidates = new ArrayList<>();
        for (List<JsonNode> pods : byNode.values()) {
            JsonNode updated = null;
            JsonNode old = null;
            boolean several = false;
            for (JsonNode pod : pods) {
                if (Meta.isTerminating(pod)) {
                    continue;
                }
                boolean current = DaemonPods.isUpdated(ds, pod, hash);
                several |= current ? updated != null : old != null;
                if (current) {
                    updated = pod;
                } else {
                    old = pod;
                }
            }
            if (several || updated == null && old == null || updated != null && old != null) {
                // The manage loop sorts this node out first; meanwhile it counts as unavailable.
                unavailable++;
            } else if (updated != null) {
                unavailable += PodConditions.isAvailable(updated, minReady, now) ? 0 : 1;
            } else if (!PodConditions.isAvailable(old, minReady, now)) {
                replace.add(old);
            } else if (unavailable < maxUnavailable) {
                candidates.add(old);
            }
        }
        int budget = Math.max(0, Math.min(maxUnavailable - unavailable, candidates.size()));
        replace.addAll(candidates.subList(0, budget));
        return replace;
    }

    /**
     * maxUnavailable, a number or a percentage of the nodes that should run the pod (rounded up),
     * 1 by default; never 0 without surge, or nothing would ever be updated.
     */
    static int maxUnavailable(JsonNode value, int desired) {
        int n = 1;
        if (value.isInt()) {
            n = value.asInt();
        } else if (value.isTextual() && value.asText().endsWith("%")) {
            n = (int) Math.ceil(desired * Integer.parseInt(value.asText().replace("%", "")) / 100.0);
        } else if (value.isTextual() && !value.asText().isEmpty()) {
            n = Integer.parseInt(value.asText());
        }
        return n == 0 ? 1 : n;
    }
}
