package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.DeleteOptions;
import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sync of one deployment: the deployment as the sync last read or wrote it (with the revision
 * annotation it may have set in memory, as the Go controller sets it on its copy before the status
 * write that stores it), its ReplicaSets likewise, and the writes the sync makes through the API
 * server, with the events that report them.
 */
final class Rollout {
    static final EventRecorder.Source SOURCE = new EventRecorder.Source("deployment-controller", "");

    private final ApiServer api;
    private final EventRecorder events;
    private final Instant now;
    private ObjectNode deployment;
    private final Map<String, ObjectNode> replicaSets = new LinkedHashMap<>();

    Rollout(ApiServer api, EventRecorder events, Instant now, ObjectNode deployment, List<ObjectNode> owned) {
        this.api = api;
        this.events = events;
        this.now = now;
        this.deployment = deployment;
        owned.forEach(rs -> replicaSets.put(Meta.name(rs), rs));
    }

    ObjectNode deployment() {
        return deployment;
    }

    DeploymentSpec spec() {
        return DeploymentSpec.of(deployment);
    }

    DeploymentStatus status() {
        return DeploymentStatus.of(deployment);
    }

    Instant now() {
        return now;
    }

    String name() {
        return Meta.name(deployment);
    }

    List<ReplicaSetState> replicaSets() {
        List<ReplicaSetState> out = new ArrayList<>(replicaSets.size());
        replicaSets.values().forEach(rs -> out.add(new ReplicaSetState(rs)));
        return out;
    }

    /**
     * scaleReplicaSet: writes the new size, with the desired/max-replicas annotations brought up to
     * date, and reports a change of size as a ScalingReplicaSet event. A decision that keeps the
     * size writes nothing unless it asks to refresh the annotations. Returns whether the size changed.
     */
    boolean scale(Scale s) {
        ReplicaSetState rs = new ReplicaSetState(replicaSets.get(s.name()));
        DeploymentSpec spec = spec();
        boolean resize = rs.replicas() != s.to();
        boolean annotate = Revisions.replicasAnnotationsStale(rs, spec.replicas(), spec.maxReplicas());
        if (!resize && (!s.refreshAnnotations() || !annotate)) {
            return false;
        }
        ObjectNode next = Meta.newVersion(rs.object());
        next.set("spec", Meta.shallowCopy((ObjectNode) rs.object().get("spec")).put("replicas", s.to()));
        ObjectNode annotations = annotationsOf(next);
        Revisions.setReplicasAnnotations(annotations, spec.replicas(), spec.maxReplicas());
        update(next);
        if (resize) {
            event("Normal", "ScalingReplicaSet", "Scaled " + s.operation() + " replica set " + s.name() + " from "
                    + rs.replicas() + " to " + s.to());
        }
        return resize;
    }

    /** A copy of {@code rs}'s annotations set on it, for the caller to change. */
    static ObjectNode annotationsOf(ObjectNode rs) {
        ObjectNode meta = Meta.metadata(rs);
        ObjectNode annotations = meta.path("annotations").isObject()
                ? Meta.shallowCopy((ObjectNode) meta.get("annotations")) : Meta.JSON.objectNode();
        meta.set("annotations", annotations);
        return annotations;
    }

    ReplicaSetState update(ObjectNode next) {
        ObjectNode stored = api.update(ResourceTypes.REPLICA_SET, next);
        replicaSets.put(Meta.name(stored), stored);
        return new ReplicaSetState(stored);
    }

    ReplicaSetState create(ObjectNode rs) {
        ObjectNode stored = api.create(ResourceTypes.REPLICA_SET, rs);
        replicaSets.put(Meta.name(stored), stored);
        return new ReplicaSetState(stored);
    }

    void delete(ReplicaSetState rs) {
        api.delete(ResourceTypes.REPLICA_SET, Meta.namespace(rs.object()), rs.name(), DeleteOptions.DEFAULT);
        replicaSets.remove(rs.name());
    }

    /** SetDeploymentRevision, on the sync's copy: returns whether the annotation changed. */
    boolean setRevision(String revision) {
        if (revision == null || revision.equals(deployment.path("metadata").path("annotations")
                .path(ReplicaSetState.REVISION).asText(null))) {
            return false;
        }
        ObjectNode next = Meta.newVersion(deployment);
        annotationsOf(next).put(ReplicaSetState.REVISION, revision);
        deployment = next;
        return true;
    }

    /** UpdateStatus: the status, and the annotations of the sync's copy, through the status subresource. */
    void writeStatus(DeploymentStatus status) {
        ObjectNode next = Meta.newVersion(deployment);
        next.set("status", status.toJson());
        ObjectNode stored = api.updateStatus(ResourceTypes.DEPLOYMENT, next);
        deployment = stored;
    }

    void event(String type, String reason, String message) {
        events.record(deployment, ResourceTypes.DEPLOYMENT, null, SOURCE, type, reason, message);
    }
}
