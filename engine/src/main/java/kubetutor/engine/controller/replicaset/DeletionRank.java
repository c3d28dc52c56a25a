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
        // Each pod's rank is read once: a sort compares every pod many times, and reading the
        // JSON at each comparison made a rolling update of 10,000 pods spend its time here.
        List<Rank> ranks = new ArrayList<>(pods.size());
        for (JsonNode p : pods) {
            ranks.add(Rank.of(p, onNode, now));
        }
        ranks.sort(ORDER);
        List<JsonNode> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(ranks.get(i).pod());
        }
        return out;
    }

    /** What the rules compare, for one pod; a smaller value goes first in every field. */
    private record Rank(JsonNode pod, boolean assigned, int phase, boolean ready, int cost, int minusSiblings,
                        long readyBucket, int minusRestarts, long createdBucket, String uid) {
        static Rank of(JsonNode p, Map<String, Integer> onNode, Instant now) {
            String node = node(p);
            Instant readySince = PodConditions.readySince(p);
            return new Rank(p, !node.isEmpty(), phaseOrdinal(p), readySince != null, deletionCost(p),
                    -onNode.getOrDefault(node, 0), bucket(readySince, now), -maxRestarts(p),
                    bucket(Meta.creationTime(p), now), Meta.uid(p));
        }
    }

    private static final Comparator<Rank> ORDER = Comparator.comparing(Rank::assigned)
            .thenComparingInt(Rank::phase)
            .thenComparing(Rank::ready)
            .thenComparingInt(Rank::cost)
            .thenComparingInt(Rank::minusSiblings)
            .thenComparingLong(Rank::readyBucket)
            .thenComparingInt(Rank::minusRestarts)
            .thenComparingLong(Rank::createdBucket)
            .thenComparing(Rank::uid);

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
