package kubetutor.engine.controller.deployment;

import java.util.ArrayList;
import java.util.List;

/**
 * The decisions of a rolling update (rolling.go, deployment_util.go NewRSNewReplicas), apart from
 * the writes that carry them out: the new ReplicaSet grows within the surge, then old ones shrink
 * within the availability the deployment must keep, unhealthy old pods first.
 */
final class RollingArithmetic {
    private RollingArithmetic() {}

    /**
     * NewRSNewReplicas for a rolling update: the new ReplicaSet may grow until all ReplicaSets
     * together want replicas + maxSurge pods, and never past the replicas.
     */
    static int newReplicaSetReplicas(DeploymentSpec d, List<ReplicaSetState> all, int newReplicas) {
        int maxTotal = d.replicas() + d.surge();
        int current = ReplicaSetState.sumReplicas(all);
        if (current >= maxTotal) {
            return newReplicas;
        }
        return newReplicas + Math.min(maxTotal - current, d.replicas() - newReplicas);
    }

    /**
     * reconcileOldReplicaSets: how far the old ReplicaSets may shrink without the deployment
     * falling below replicas - maxUnavailable available pods, counting the new ReplicaSet's
     * not-yet-available pods as already missing. First old pods that are not available go
     * (cleanupUnhealthyReplicas), then available ones as long as more than the minimum are
     * available (scaleDownOldReplicaSetsForRollingUpdate); oldest ReplicaSets first both times.
     * A ReplicaSet can appear twice, once for each step.
     *
     * @param all       every ReplicaSet of the deployment, the new one included
     * @param activeOld the old ones that still want pods
     */
    static List<Scale> oldReplicaSetScaleDowns(DeploymentSpec d, List<ReplicaSetState> all, List<ReplicaSetState> activeOld,
                                               ReplicaSetState newRs) {
        List<Scale> out = new ArrayList<>();
        if (ReplicaSetState.sumReplicas(activeOld) == 0) {
            return out;
        }
        int minAvailable = d.replicas() - d.unavailable();
        int newUnavailable = newRs.replicas() - newRs.availableReplicas();
        int maxScaledDown = ReplicaSetState.sumReplicas(all) - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return out;
        }
        List<ReplicaSetState> old = new ArrayList<>(activeOld);
        old.sort(ReplicaSetState.OLDEST_FIRST);
        // What each old ReplicaSet wants after the clean-up, in the same order.
        int[] sizes = old.stream().mapToInt(ReplicaSetState::replicas).toArray();
        int cleaned = 0;
        for (int i = 0; i < old.size() && cleaned < maxScaledDown; i++) {
            int unhealthy = sizes[i] - old.get(i).availableReplicas();
            if (sizes[i] == 0 || unhealthy == 0) {
                continue;
            }
            int down = Math.min(maxScaledDown - cleaned, unhealthy);
            out.add(Scale.to(old.get(i), sizes[i] - down));
            sizes[i] -= down;
            cleaned += down;
        }
        // The clean-up changed sizes only: availability is what the ReplicaSets last reported.
        int available = ReplicaSetState.sumAvailable(all);
        if (available <= minAvailable) {
            return out;
        }
        int toScaleDown = available - minAvailable;
        int scaled = 0;
        for (int i = 0; i < old.size() && scaled < toScaleDown; i++) {
            if (sizes[i] == 0) {
                continue;
            }
            int down = Math.min(sizes[i], toScaleDown - scaled);
            out.add(new Scale(old.get(i).name(), sizes[i], sizes[i] - down, "down", false));
            sizes[i] -= down;
            scaled += down;
        }
        return out;
    }
}
