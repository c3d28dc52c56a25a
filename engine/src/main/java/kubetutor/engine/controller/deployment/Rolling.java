package kubetutor.engine.controller.deployment;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * rolling.go rolloutRolling: one step of a rolling update per sync. The new ReplicaSet grows first;
 * only when it may not grow do old ReplicaSets shrink; a step that scaled anything reports the
 * status and ends, and the ReplicaSets' own reports bring the next sync. A complete rollout trims
 * the history of old ReplicaSets.
 */
final class Rolling {
    private Rolling() {}

    static void rollout(Rollout r, Consumer<Duration> requeue) {
        ReplicaSetGroups groups = NewReplicaSet.sync(r, true);
        if (reconcileNew(r, groups)) {
            Progress.syncRolloutStatus(r, groups, requeue);
            return;
        }
        boolean scaledDown = false;
        for (Scale s : RollingArithmetic.oldReplicaSetScaleDowns(r.spec(), groups.all(),
                ReplicaSetState.active(groups.old()), groups.newRs())) {
            scaledDown |= r.scale(s);
        }
        if (scaledDown) {
            Progress.syncRolloutStatus(r, groups, requeue);
            return;
        }
        // Complete as of the status the deployment had when this sync began.
        if (StatusCalculation.complete(r, r.status())) {
            Cleanup.run(r, groups.old());
        }
        Progress.syncRolloutStatus(r, groups, requeue);
    }

    /** reconcileNewReplicaSet: down to the replicas if it has more, else up as far as the surge allows. */
    private static boolean reconcileNew(Rollout r, ReplicaSetGroups groups) {
        DeploymentSpec spec = r.spec();
        ReplicaSetState newRs = groups.newRs();
        if (newRs.replicas() == spec.replicas()) {
            return false;
        }
        if (newRs.replicas() > spec.replicas()) {
            return r.scale(Scale.to(newRs, spec.replicas()));
        }
        return r.scale(Scale.to(newRs, RollingArithmetic.newReplicaSetReplicas(spec, groups.all(), newRs.replicas())));
    }
}
