package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;

/**
 * sync.go getAllReplicaSetsAndSyncRevision and getNewReplicaSet: finds the ReplicaSet whose
 * template is the deployment's and brings its revision and annotations up to date, or creates it
 * ({@code NAME-HASH}, sized as the strategy allows) when the sync may; then records the revision on
 * the deployment and, the first time, a Progressing condition saying what was found or created.
 */
final class NewReplicaSet {
    static final String CREATED = "NewReplicaSetCreated";
    static final String FOUND = "FoundNewReplicaSet";
    static final String CREATE_FAILED = "ReplicaSetCreateError";

    private NewReplicaSet() {}

    static ReplicaSetGroups sync(Rollout r, boolean createIfMissing) {
        ReplicaSetGroups groups = ReplicaSetGroups.of(r.deployment().path("spec").path("template"), r.replicaSets());
        String newRevision = Long.toString(Revisions.max(groups.old()) + 1);
        if (groups.newRs() != null) {
            return groups.withNew(syncExisting(r, groups.newRs(), newRevision));
        }
        if (!createIfMissing) {
            return groups;
        }
        return groups.withNew(create(r, groups, newRevision));
    }

    private static ReplicaSetState syncExisting(Rollout r, ReplicaSetState rs, String newRevision) {
        ObjectNode next = Meta.newVersion(rs.object());
        boolean annotated = Revisions.setNewReplicaSetAnnotations(Rollout.annotationsOf(next), r.deployment(), newRevision,
                true, r.spec());
        int minReady = r.spec().minReadySeconds();
        if (annotated || rs.object().path("spec").path("minReadySeconds").asInt(0) != minReady) {
            ObjectNode spec = Meta.shallowCopy((ObjectNode) rs.object().get("spec"));
            if (minReady == 0) {
                spec.remove("minReadySeconds");
            } else {
                spec.put("minReadySeconds", minReady);
            }
            next.set("spec", spec);
            // The deployment's revision follows on the sync this write brings.
            return r.update(next);
        }
        boolean write = r.setRevision(rs.annotation(ReplicaSetState.REVISION));
        DeploymentStatus status = r.status();
        if (r.spec().progressDeadlineSeconds() != null && status.condition(Condition.PROGRESSING) == null) {
            status = status.with(Condition.now(Condition.PROGRESSING, "True", FOUND,
                    "Found new replica set \"" + rs.name() + "\"", r.now()));
            write = true;
        }
        if (write) {
            r.writeStatus(status);
        }
        return rs;
    }

    private static ReplicaSetState create(Rollout r, ReplicaSetGroups groups, String newRevision) {
        JsonNode d = r.deployment();
        DeploymentSpec spec = r.spec();
        DeploymentStatus status = r.status();
        String hash = PodTemplateHash.of(d.path("spec").path("template"), status.collisionCount());
        ObjectNode rs = template(d, hash);
        int replicas = spec.recreate() ? spec.replicas()
                : RollingArithmetic.newReplicaSetReplicas(spec, groups.old(), 0);
        ((ObjectNode) rs.get("spec")).put("replicas", replicas);
        Revisions.setNewReplicaSetAnnotations(Rollout.annotationsOf(rs), d, newRevision, false, spec);
        String name = Meta.name(rs);
        ReplicaSetState created;
        boolean existed = false;
        try {
            created = r.create(rs);
        } catch (ApiException e) {
            if (e.reason() == ApiException.Reason.AlreadyExists) {
                created = sameTemplateOrCollision(r, name);
                existed = true;
            } else if (e.getMessage().endsWith("because it is being terminated")) {
                // Every later create fails the same way; nothing to report.
                throw e;
            } else {
                String msg = "Failed to create new replica set \"" + name + "\": " + e.getMessage();
                if (spec.progressDeadlineSeconds() != null) {
                    r.writeStatus(status.with(Condition.now(Condition.PROGRESSING, "False", CREATE_FAILED, msg, r.now())));
                }
                r.event("Warning", CREATE_FAILED, msg);
                throw e;
            }
        }
        if (!existed && replicas > 0) {
            r.event("Normal", "ScalingReplicaSet", "Scaled up replica set " + name + " from 0 to " + replicas);
        }
        boolean write = r.setRevision(newRevision);
        if (!existed && spec.progressDeadlineSeconds() != null) {
            status = status.with(Condition.now(Condition.PROGRESSING, "True", CREATED,
                    "Created new replica set \"" + name + "\"", r.now()));
            write = true;
        }
        if (write) {
            r.writeStatus(status);
        }
        return created;
    }

    /**
     * A ReplicaSet of that name exists: it is the new one when this deployment owns it and its
     * template is the deployment's (a sync that ran before), otherwise the hash collided with
     * another template. Then the deployment counts the collision, which changes the next hash, and
     * the sync is tried again.
     */
    private static ReplicaSetState sameTemplateOrCollision(Rollout r, String name) {
        ReplicaSetState existing = r.replicaSets().stream().filter(rs -> rs.name().equals(name)).findFirst().orElse(null);
        if (existing != null && PodTemplateHash.equalIgnoreHash(existing.object().path("spec").path("template"),
                r.deployment().path("spec").path("template"))) {
            return existing;
        }
        DeploymentStatus status = r.status();
        r.writeStatus(status.withCollisionCount(status.collisionCount() == null ? 1 : status.collisionCount() + 1));
        throw ApiException.alreadyExists(ResourceTypes.REPLICA_SET, name);
    }

    /** The ReplicaSet of the deployment's template: named, labelled and selected by the hash, owned by the deployment. */
    private static ObjectNode template(JsonNode d, String hash) {
        ObjectNode template = d.path("spec").path("template").deepCopy();
        ObjectNode labels = Meta.metadata(template).path("labels").isObject()
                ? (ObjectNode) template.get("metadata").get("labels") : Meta.metadata(template).putObject("labels");
        labels.put(PodTemplateHash.LABEL, hash);
        ObjectNode rs = Meta.JSON.objectNode();
        rs.put("apiVersion", "apps/v1");
        rs.put("kind", "ReplicaSet");
        ObjectNode meta = rs.putObject("metadata");
        meta.put("name", Meta.name(d) + "-" + hash);
        meta.put("namespace", Meta.namespace(d));
        meta.set("labels", labels.deepCopy());
        ObjectNode ref = meta.putArray("ownerReferences").addObject();
        ref.put("apiVersion", "apps/v1");
        ref.put("kind", "Deployment");
        ref.put("name", Meta.name(d));
        ref.put("uid", Meta.uid(d));
        ref.put("controller", true);
        ref.put("blockOwnerDeletion", true);
        ObjectNode spec = rs.putObject("spec");
        spec.put("replicas", 0);
        int minReady = d.path("spec").path("minReadySeconds").asInt(0);
        if (minReady > 0) {
            spec.put("minReadySeconds", minReady);
        }
        ObjectNode selector = d.path("spec").path("selector").deepCopy();
        ObjectNode matchLabels = selector.path("matchLabels").isObject() ? (ObjectNode) selector.get("matchLabels")
                : selector.putObject("matchLabels");
        matchLabels.put(PodTemplateHash.LABEL, hash);
        spec.set("selector", selector);
        spec.set("template", template);
        return rs;
    }
}
