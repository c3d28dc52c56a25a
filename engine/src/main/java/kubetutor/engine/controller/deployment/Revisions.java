package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The revision bookkeeping of a deployment's ReplicaSets (deployment_util.go
 * SetNewReplicaSetAnnotations and its helpers). The new ReplicaSet's revision is one more than the
 * old ones' highest; when a ReplicaSet becomes the new one again (kubectl rollout undo copied its
 * template back into the deployment), it takes that next number and keeps the numbers it had in
 * deployment.kubernetes.io/revision-history. The deployment's own annotations (a change-cause) are
 * copied to it, except the controller's own and kubectl apply's.
 */
final class Revisions {
    /** sync.go maxRevHistoryLengthInChars: the history keeps about 100 numbers. */
    static final int MAX_HISTORY_CHARS = 2000;
    private static final Set<String> NOT_COPIED = Set.of("kubectl.kubernetes.io/last-applied-configuration",
            ReplicaSetState.REVISION, ReplicaSetState.REVISION_HISTORY, ReplicaSetState.DESIRED_REPLICAS,
            ReplicaSetState.MAX_REPLICAS, "deprecated.deployment.rollback.to");

    private Revisions() {}

    /** MaxRevision: the highest revision among ReplicaSets (0 for none). */
    static long max(List<ReplicaSetState> rss) {
        return rss.stream().mapToLong(ReplicaSetState::revision).max().orElse(0);
    }

    /**
     * SetNewReplicaSetAnnotations on {@code annotations} (the ReplicaSet's, changed in place). For a
     * ReplicaSet about to be created ({@code exists} false) the replica annotations are set too.
     * Returns whether anything changed.
     */
    static boolean setNewReplicaSetAnnotations(ObjectNode annotations, JsonNode deployment, String newRevision, boolean exists,
                                               DeploymentSpec spec) {
        boolean changed = copyDeploymentAnnotations(deployment, annotations);
        String oldRevision = annotations.path(ReplicaSetState.REVISION).asText(null);
        long oldNumber = 0;
        if (oldRevision != null && !oldRevision.isEmpty()) {
            try {
                oldNumber = Long.parseLong(oldRevision);
            } catch (NumberFormatException e) {
                // An unreadable revision is left alone, as the controller leaves it (with a log line).
                return false;
            }
        }
        long newNumber = Long.parseLong(newRevision);
        if (oldNumber < newNumber) {
            annotations.put(ReplicaSetState.REVISION, newRevision);
            changed = true;
            if (oldRevision != null) {
                // It had a revision: it is being rolled back to, and its old numbers are history.
                appendHistory(annotations, oldRevision);
            }
        }
        if (!exists && setReplicasAnnotations(annotations, spec.replicas(), spec.maxReplicas())) {
            changed = true;
        }
        return changed;
    }

    /** Adds {@code oldRevision} to the history, dropping its oldest numbers to keep within the limit. */
    private static void appendHistory(ObjectNode annotations, String oldRevision) {
        String history = annotations.path(ReplicaSetState.REVISION_HISTORY).asText("");
        if (history.isEmpty()) {
            annotations.put(ReplicaSetState.REVISION_HISTORY, oldRevision);
            return;
        }
        List<String> revisions = new ArrayList<>(Arrays.asList(history.split(",", -1)));
        int total = history.length() + oldRevision.length() + 1;
        int start = 0;
        while (total > MAX_HISTORY_CHARS && start < revisions.size()) {
            total -= revisions.get(start).length() + 1;
            start++;
        }
        if (total <= MAX_HISTORY_CHARS) {
            List<String> kept = new ArrayList<>(revisions.subList(start, revisions.size()));
            kept.add(oldRevision);
            annotations.put(ReplicaSetState.REVISION_HISTORY, String.join(",", kept));
        }
    }

    /** copyDeploymentAnnotationsToReplicaSet: adds or overwrites, never removes. */
    private static boolean copyDeploymentAnnotations(JsonNode deployment, ObjectNode annotations) {
        boolean changed = false;
        for (var it = deployment.path("metadata").path("annotations").fields(); it.hasNext(); ) {
            var e = it.next();
            if (NOT_COPIED.contains(e.getKey()) || e.getValue().equals(annotations.get(e.getKey()))) {
                continue;
            }
            annotations.set(e.getKey(), e.getValue());
            changed = true;
        }
        return changed;
    }

    /** SetReplicasAnnotations: desired-replicas and max-replicas; returns whether either changed. */
    static boolean setReplicasAnnotations(ObjectNode annotations, int desired, int max) {
        boolean changed = false;
        String d = Integer.toString(desired);
        if (!d.equals(annotations.path(ReplicaSetState.DESIRED_REPLICAS).asText(null))) {
            annotations.put(ReplicaSetState.DESIRED_REPLICAS, d);
            changed = true;
        }
        String m = Integer.toString(max);
        if (!m.equals(annotations.path(ReplicaSetState.MAX_REPLICAS).asText(null))) {
            annotations.put(ReplicaSetState.MAX_REPLICAS, m);
            changed = true;
        }
        return changed;
    }

    /** ReplicasAnnotationsNeedUpdate. */
    static boolean replicasAnnotationsStale(ReplicaSetState rs, int desired, int max) {
        return !Integer.toString(desired).equals(rs.annotation(ReplicaSetState.DESIRED_REPLICAS))
                || !Integer.toString(max).equals(rs.annotation(ReplicaSetState.MAX_REPLICAS));
    }
}
