package kubetutor.engine.controller.deployment;

/**
 * sync.go sync and isScalingEvent: a deployment whose replicas changed, or one that is paused, is
 * only scaled (proportionally when it is mid-rollout); a paused one also has its history trimmed.
 * No new ReplicaSet is made: a paused deployment's template changes wait for it to be resumed.
 */
final class Scaling {
    private Scaling() {}

    /**
     * isScalingEvent: an active ReplicaSet was sized for another replica count than the
     * deployment's (its desired-replicas annotation says so).
     */
    static boolean isScalingEvent(Rollout r) {
        ReplicaSetGroups groups = NewReplicaSet.sync(r, false);
        int replicas = r.spec().replicas();
        for (ReplicaSetState rs : ReplicaSetState.active(groups.all())) {
            Integer desired = rs.intAnnotation(ReplicaSetState.DESIRED_REPLICAS);
            if (desired != null && desired != replicas) {
                return true;
            }
        }
        return false;
    }

    static void sync(Rollout r) {
        ReplicaSetGroups groups = NewReplicaSet.sync(r, false);
        for (Scale s : ProportionalScaling.decide(r.spec(), r.status().replicas(), groups.newRs(), groups.old())) {
            r.scale(s);
        }
        if (r.spec().paused()) {
            Cleanup.run(r, groups.old());
        }
        Progress.syncDeploymentStatus(r, groups);
    }
}
