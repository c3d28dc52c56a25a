package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * recreate.go rolloutRecreate: every old ReplicaSet goes to zero, and only once none of their pods
 * is left (terminating ones included) is the new ReplicaSet created, at full size. There is a
 * moment without any pod: that is the strategy.
 */
final class Recreate {
    private Recreate() {}

    /** @param podsByReplicaSet the deployment's pods, by the uid of the ReplicaSet that controls them */
    static void rollout(Rollout r, Map<String, List<JsonNode>> podsByReplicaSet, Consumer<Duration> requeue) {
        // No new ReplicaSet yet: it must not grow before the old ones are gone.
        ReplicaSetGroups groups = NewReplicaSet.sync(r, false);
        boolean scaledDown = false;
        for (ReplicaSetState old : ReplicaSetState.active(groups.old())) {
            scaledDown |= r.scale(Scale.to(old, 0));
        }
        if (scaledDown || oldPodsRunning(groups, podsByReplicaSet)) {
            Progress.syncRolloutStatus(r, groups, requeue);
            return;
        }
        if (groups.newRs() == null) {
            groups = NewReplicaSet.sync(r, true);
        }
        r.scale(Scale.to(groups.newRs(), r.spec().replicas()));
        if (StatusCalculation.complete(r, r.status())) {
            Cleanup.run(r, groups.old());
        }
        Progress.syncRolloutStatus(r, groups, requeue);
    }

    /** oldPodsRunning: an old ReplicaSet still reports pods, or has a pod not finished (a terminating one counts). */
    private static boolean oldPodsRunning(ReplicaSetGroups groups, Map<String, List<JsonNode>> podsByReplicaSet) {
        if (ReplicaSetState.sumStatusReplicas(groups.old()) > 0) {
            return true;
        }
        for (Map.Entry<String, List<JsonNode>> e : podsByReplicaSet.entrySet()) {
            if (groups.newRs() != null && groups.newRs().uid().equals(e.getKey())) {
                continue;
            }
            for (JsonNode pod : e.getValue()) {
                String phase = pod.path("status").path("phase").asText("");
                if (!phase.equals("Failed") && !phase.equals("Succeeded")) {
                    return true;
                }
            }
        }
        return false;
    }
}
