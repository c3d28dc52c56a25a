package kubetutor.engine.controller.replicaset;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.controller.PodConditions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which surplus pods a ReplicaSet deletes first (controller.ActivePodsWithRanks, with the
 * LogarithmicScaleDown and PodDeletionCost gates on as in 1.32): unscheduled before scheduled;
 * Pending before Unknown before Running; not ready before ready; lower pod-deletion-cost first;
 * more siblings on the same node first; ready more recently first; more restarts first; created
 * more recently first; the uid last. Times compare in powers of two of their age, so pods of about
 * the same age go in the uid's pseudorandom order. Unlike Go's sort, Java's needs a total order:
 * pods whose times differ within one power of two go on to the next rule instead of straight to the uid.
 */
final class DeletionRank {
    private DeletionRank() {}

    /** The {@code count} pods to delete out of {@code pods}, in the order they go. */
    static List<JsonNode> pick(List<JsonNode> pods, int count, Instant now) {
        if (count >= pods.size()) {
            return pods;
        }
        Map<String, Integer> onNode = new HashMap<>();
        for (JsonNode p : pods) {
            if (PodConditions.isActive(p)) {
                onNode.merge(node(p), 1, Integer::sum);
            }
        }
        List<JsonNode> sorted = new ArrayList<>(pods);
        sorted.sort(order(onNode, now));
        return sorted.subList(0, count);
    }

    static Comparator<JsonNode> order(Map<String, Integer> onNode, Instant now) {
        return Comparator.<JsonNode, Boolean>comparing(p -> !node(p).isEmpty())
                .thenComparingInt(DeletionRank::phaseOrdinal)
                .thenComparing(PodConditions::isReady)
                .thenComparingInt(DeletionRank::deletionCost)
                .thenComparingInt(p -> -onNode.getOrDefault(node(p), 0))
                .thenComparingLong(p -> bucket(PodConditions.readySince(p), now))
                .thenComparingInt(p -> -maxRestarts(p))
                .thenComparingLong(p -> bucket(Meta.creationTime(p), now))
                .thenComparing(Meta::uid);
    }

    /** The power of two of a time's age; no time at all comes first, as Go's zero time does. */
    private static long bucket(Instant t, Instant now) {
        if (t == null) {
            return -2;
        }
        long nanos = Duration.between(t, now).toNanos();
        return nanos > 0 ? (long) (Math.log(nanos) / Math.log(2)) : -1;
    }

    private static String node(JsonNode pod) {
        return pod.path("spec").path("nodeName").asText("");
    }

    private static int phaseOrdinal(JsonNode pod) {
        return switch (pod.path("status").path("phase").asText("")) {
            case "Pending" -> 0;
            case "Unknown" -> 1;
            case "Running" -> 2;
            default -> 0;
        };
    }

    private static int deletionCost(JsonNode pod) {
        String v = Meta.annotations(pod).get("controller.kubernetes.io/pod-deletion-cost");
        try {
            return v == null ? 0 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int maxRestarts(JsonNode pod) {
        int max = 0;
        for (JsonNode c : pod.path("status").path("containerStatuses")) {
            max = Math.max(max, c.path("restartCount").asInt());
        }
        return max;
    }
}
