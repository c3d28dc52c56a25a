package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A ReplicaSet as the deployment controller's arithmetic reads it, over the stored object. */
record ReplicaSetState(ObjectNode object) {
    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
    static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";

    /** controller.ReplicaSetsByCreationTimestamp: oldest first, the name breaking ties. */
    static final Comparator<ReplicaSetState> OLDEST_FIRST = Comparator.comparing(ReplicaSetState::created)
            .thenComparing(ReplicaSetState::name);

    String name() {
        return Meta.name(object);
    }

    String uid() {
        return Meta.uid(object);
    }

    Instant created() {
        Instant t = Meta.creationTime(object);
        return t == null ? Instant.EPOCH : t;
    }

    /** spec.replicas (the API server defaults it, so it is always there). */
    int replicas() {
        return object.path("spec").path("replicas").asInt(1);
    }

    int statusReplicas() {
        return object.path("status").path("replicas").asInt(0);
    }

    int readyReplicas() {
        return object.path("status").path("readyReplicas").asInt(0);
    }

    int availableReplicas() {
        return object.path("status").path("availableReplicas").asInt(0);
    }

    String annotation(String key) {
        return object.path("metadata").path("annotations").path(key).asText(null);
    }

    /** An annotation that should hold a number, or null when it is missing or is not one (Go's strconv.Atoi failing). */
    Integer intAnnotation(String key) {
        String v = annotation(key);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** deploymentutil.Revision: the revision annotation, 0 when missing or unreadable. */
    long revision() {
        String v = annotation(REVISION);
        if (v == null) {
            return 0;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Sums of the figures over ReplicaSets (GetReplicaCountForReplicaSets and its siblings). */
    static int sumReplicas(List<ReplicaSetState> rss) {
        return rss.stream().mapToInt(ReplicaSetState::replicas).sum();
    }

    static int sumStatusReplicas(List<ReplicaSetState> rss) {
        return rss.stream().mapToInt(ReplicaSetState::statusReplicas).sum();
    }

    static int sumReady(List<ReplicaSetState> rss) {
        return rss.stream().mapToInt(ReplicaSetState::readyReplicas).sum();
    }

    static int sumAvailable(List<ReplicaSetState> rss) {
        return rss.stream().mapToInt(ReplicaSetState::availableReplicas).sum();
    }

    /** controller.FilterActiveReplicaSets: those with replicas wanted. */
    static List<ReplicaSetState> active(List<ReplicaSetState> rss) {
        return rss.stream().filter(rs -> rs.replicas() > 0).toList();
    }
}
