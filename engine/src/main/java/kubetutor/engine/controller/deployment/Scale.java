package kubetutor.engine.controller.deployment;

/**
 * One scaling decision: a ReplicaSet goes from one size to another. {@code operation} is the word
 * of the ScalingReplicaSet event ("up", "down"). A decision that keeps the size changes nothing,
 * unless {@code refreshAnnotations} asks for the ReplicaSet's desired/max-replicas annotations to be
 * brought up to date anyway (scaleReplicaSet, as opposed to scaleReplicaSetAndRecordEvent).
 */
record Scale(String name, int from, int to, String operation, boolean refreshAnnotations) {
    /** A decision of the rolling and recreate paths: named by its direction, nothing written when it keeps the size. */
    static Scale to(ReplicaSetState rs, int replicas) {
        return new Scale(rs.name(), rs.replicas(), replicas, rs.replicas() < replicas ? "up" : "down", false);
    }
}
