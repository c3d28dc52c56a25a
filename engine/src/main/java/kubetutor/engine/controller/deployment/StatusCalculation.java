package kubetutor.engine.controller.deployment;

import java.util.List;

/**
 * sync.go calculateStatus: a deployment's counts from its ReplicaSets', and the Available
 * condition. Replicas count the pods the ReplicaSets report (terminating ones are not among them);
 * unavailable ones are those the ReplicaSets want that are not available.
 */
final class StatusCalculation {
    static final String MINIMUM_AVAILABLE = "MinimumReplicasAvailable";
    static final String MINIMUM_UNAVAILABLE = "MinimumReplicasUnavailable";

    private StatusCalculation() {}

    static DeploymentStatus calculate(Rollout r, ReplicaSetGroups groups) {
        List<ReplicaSetState> all = groups.all();
        DeploymentSpec spec = r.spec();
        DeploymentStatus current = r.status();
        int available = ReplicaSetState.sumAvailable(all);
        int unavailable = Math.max(0, ReplicaSetState.sumReplicas(all) - available);
        long generation = r.deployment().path("metadata").path("generation").asLong(0);
        DeploymentStatus status = new DeploymentStatus(generation, ReplicaSetState.sumStatusReplicas(all),
                groups.newRs() == null ? 0 : groups.newRs().statusReplicas(), ReplicaSetState.sumReady(all), available,
                unavailable, current.conditions(), current.collisionCount());
        if (available >= spec.replicas() - spec.unavailable()) {
            return status.with(Condition.now(Condition.AVAILABLE, "True", MINIMUM_AVAILABLE,
                    "Deployment has minimum availability.", r.now()));
        }
        return status.with(Condition.now(Condition.AVAILABLE, "False", MINIMUM_UNAVAILABLE,
                "Deployment does not have minimum availability.", r.now()));
    }

    /** DeploymentComplete: every replica updated and available, and the latest spec observed. */
    static boolean complete(Rollout r, DeploymentStatus s) {
        int replicas = r.spec().replicas();
        return s.updatedReplicas() == replicas && s.replicas() == replicas && s.availableReplicas() == replicas
                && s.observedGeneration() >= r.deployment().path("metadata").path("generation").asLong(0);
    }
}
