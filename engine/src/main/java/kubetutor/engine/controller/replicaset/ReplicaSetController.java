package kubetutor.engine.controller.replicaset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.DeleteOptions;
import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.ControllerRefManager;
import kubetutor.engine.controller.OwnerEvents;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.Keys;
import kubetutor.engine.controller.OwnerReferences;
import kubetutor.engine.controller.PodConditions;
import kubetutor.engine.controller.PodFromTemplate;
import kubetutor.engine.controller.WorkQueue;
import kubetutor.engine.selector.LabelSelector;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * kube-controller-manager's ReplicaSet controller, which also runs ReplicationControllers (as the
 * real one does, through a conversion): it keeps {@code spec.replicas} pods matching the selector.
 * A sync claims the pods (adopts matching orphans, releases owned pods that stopped matching),
 * creates the missing ones in slow-start batches or deletes the surplus in {@link DeletionRank}
 * order, and writes the status.
 */
public final class ReplicaSetController {
    /** At most this many creations or deletions per sync (the controller's burstReplicas). */
    static final int BURST_REPLICAS = 500;
    /**
     * What one pod costs a sync, in simulated time, once a sync reads thousands of them: the next
     * sync of the same object waits that long per pod looked at, which folds the status writes for
     * pods that turn ready a millisecond apart into one, as a busy real controller does. Below a
     * thousand pods a sync takes no time at all, so a command typed at the same instant sees its effect.
     */
    private static final Duration COST_PER_POD = Duration.ofNanos(10_000);
    private static final int NOTICEABLE_PODS = 1000;

    /** What differs between the two kinds the controller runs. */
    record Kind(ResourceType type, String component, Function<JsonNode, LabelSelector> selector) {}

    private final Kind kind;
    private final ApiServer api;
    private final EventRecorder events;
    private final EventRecorder.Source source;
    private final Simulation sim;
    private final WorkQueue<String> queue;

    private ReplicaSetController(ControllerContext ctx, Kind kind) {
        this.kind = kind;
        this.api = ctx.api();
        this.events = ctx.events();
        this.source = new EventRecorder.Source(kind.component(), "");
        this.sim = ctx.sim();
        this.queue = ctx.queue(this::sync);
        ctx.informers().on(kind.type(), OwnerEvents.owners(queue));
        ctx.informers().on(ResourceTypes.POD, OwnerEvents.pods(api.store(), kind.type(), kind.selector(), queue));
        ctx.informers().on(ResourceTypes.POD, new Informers.EventHandler() {
            @Override
            public void updated(ObjectNode old, ObjectNode pod) {
                if (!PodConditions.isReady(old) && PodConditions.isReady(pod)) {
                    lookAgainWhenAvailable(pod);
                }
            }
        });
    }

    public static ReplicaSetController forReplicaSets(ControllerContext ctx) {
        return new ReplicaSetController(ctx, new Kind(ResourceTypes.REPLICA_SET, "replicaset-controller",
                rs -> LabelSelector.fromApi(rs.path("spec").path("selector"))));
    }

    public static ReplicaSetController forReplicationControllers(ControllerContext ctx) {
        return new ReplicaSetController(ctx, new Kind(ResourceTypes.REPLICATION_CONTROLLER, "replication-controller",
                rc -> LabelSelector.fromMap(Meta.stringMap(rc.path("spec").path("selector")))));
    }

    /** The controller of this kind a reference names, if it is still that one (same uid). */
    private ObjectNode owner(JsonNode pod, JsonNode ref) {
        if (ref == null || !ref.path("kind").asText().equals(kind.type().kind())
                || !ref.path("apiVersion").asText().equals(kind.type().apiVersion())) {
            return null;
        }
        ObjectNode owner = api.store().get(kind.type(), Meta.namespace(pod), ref.path("name").asText());
        return owner != null && Meta.uid(owner).equals(ref.path("uid").asText()) ? owner : null;
    }

    /**
     * A pod that just turned ready becomes available minReadySeconds later, and no pod event will
     * say so: its controller looks again then, a second late as the real one does (it adds one
     * against clock skew). The queue keeps only the earliest of such looks per object, as
     * client-go's does; the sync itself asks again when all pods are ready but not yet available.
     */
    private void lookAgainWhenAvailable(JsonNode pod) {
        ObjectNode owner = owner(pod, Meta.controllerRef(pod));
        long minReady = owner == null ? 0 : owner.path("spec").path("minReadySeconds").asLong(0);
        if (minReady > 0) {
            queue.addAfter(Keys.of(owner), Duration.ofSeconds(minReady + 1));
        }
    }

    private void sync(String key) {
        ObjectNode rs = api.store().get(kind.type(), Keys.namespace(key), Keys.name(key));
        if (rs == null) {
            return;
        }
        LabelSelector selector = kind.selector().apply(rs);
        // What it owns and what it may adopt: the pods other controllers own are none of its business.
        List<ObjectNode> candidates = new ArrayList<>();
        for (ObjectNode obj : api.store().dependents(Meta.uid(rs))) {
            if (obj.path("kind").asText().equals("Pod") && PodConditions.isActive(obj)) {
                candidates.add(obj);
            }
        }
        for (ObjectNode pod : api.store().orphans(ResourceTypes.POD, Meta.namespace(rs))) {
            if (PodConditions.isActive(pod)) {
                candidates.add(pod);
            }
        }
        List<JsonNode> owned = ControllerRefManager.claimPods(api, kind.type(), rs, selector, candidates);
        ApiException failed = Meta.isTerminating(rs) ? null : manage(rs, owned);
        writeStatus(rs, owned, failed);
        if (failed != null) {
            // The queue tries again with back-off, as the real controller's rate limiter does.
            throw failed;
        }
        if (candidates.size() >= NOTICEABLE_PODS) {
            queue.hold(key, COST_PER_POD.multipliedBy(candidates.size()));
        }
    }

    /**
     * manageReplicas: creates what is missing or deletes what is too much, at most a burst per sync.
     * Returns the first error the API server gave, or null.
     */
    private ApiException manage(ObjectNode rs, List<JsonNode> owned) {
        int diff = owned.size() - rs.path("spec").path("replicas").asInt(1);
        ApiException[] failed = new ApiException[1];
        if (diff < 0) {
            SlowStart.run(Math.min(-diff, BURST_REPLICAS), () -> {
                try {
                    ObjectNode pod = api.create(ResourceTypes.POD, PodFromTemplate.of(rs, rs.path("spec").path("template"),
                            OwnerReferences.controllerRef(kind.type(), rs)));
                    events.normal(rs, kind.type(), null, source, "SuccessfulCreate", "Created pod: " + Meta.name(pod));
                    return true;
                } catch (ApiException e) {
                    events.warning(rs, kind.type(), null, source, "FailedCreate", "Error creating: " + e.getMessage());
                    failed[0] = failed[0] == null ? e : failed[0];
                    return false;
                }
            });
        } else if (diff > 0) {
            for (JsonNode pod : DeletionRank.pick(owned, Math.min(diff, BURST_REPLICAS), sim.now())) {
                try {
                    api.delete(ResourceTypes.POD, Meta.namespace(pod), Meta.name(pod), DeleteOptions.DEFAULT);
                    events.normal(rs, kind.type(), null, source, "SuccessfulDelete", "Deleted pod: " + Meta.name(pod));
                } catch (ApiException e) {
                    if (e.reason() != ApiException.Reason.NotFound) {
                        events.warning(rs, kind.type(), null, source, "FailedDelete", "Error deleting: " + e.getMessage());
                        failed[0] = failed[0] == null ? e : failed[0];
                    }
                }
            }
        }
        return failed[0];
    }

    /**
     * calculateStatus, written only when it changed; minReadySeconds brings the next look. A failed
     * create or delete sets the ReplicaFailure condition, a sync without one clears it.
     */
    private void writeStatus(ObjectNode rs, List<JsonNode> owned, ApiException failed) {
        long minReady = rs.path("spec").path("minReadySeconds").asLong(0);
        Instant now = sim.now();
        Map<String, String> templateLabels = Meta.stringMap(rs.path("spec").path("template").path("metadata").path("labels"));
        int fullyLabeled = 0;
        int ready = 0;
        int available = 0;
        for (JsonNode pod : owned) {
            if (Meta.labels(pod).entrySet().containsAll(templateLabels.entrySet())) {
                fullyLabeled++;
            }
            if (PodConditions.isReady(pod)) {
                ready++;
                if (PodConditions.isAvailable(pod, minReady, now)) {
                    available++;
                }
            }
        }
        ObjectNode status = Meta.JSON.objectNode();
        status.put("replicas", owned.size());
        if (fullyLabeled > 0) {
            status.put("fullyLabeledReplicas", fullyLabeled);
        }
        if (ready > 0) {
            status.put("readyReplicas", ready);
        }
        if (available > 0) {
            status.put("availableReplicas", available);
        }
        status.put("observedGeneration", rs.path("metadata").path("generation").asLong(1));
        failureCondition(rs, owned.size(), failed).ifPresent(c -> status.putArray("conditions").add(c));
        if (!status.equals(rs.get("status"))) {
            ObjectNode next = Meta.newVersion(rs);
            next.set("status", status);
            api.updateStatus(kind.type(), next);
        }
        int replicas = rs.path("spec").path("replicas").asInt(1);
        if (failed == null && minReady > 0 && ready == replicas && available != replicas) {
            queue.addAfter(Keys.of(rs), Duration.ofSeconds(minReady));
        }
    }

    /** The ReplicaFailure condition: kept (with its first transition time) while syncs keep failing. */
    private Optional<ObjectNode> failureCondition(ObjectNode rs, int pods, ApiException failed) {
        if (failed == null) {
            return Optional.empty();
        }
        String reason = pods < rs.path("spec").path("replicas").asInt(1) ? "FailedCreate" : "FailedDelete";
        String since = Meta.timestamp(sim.now());
        for (JsonNode c : rs.path("status").path("conditions")) {
            if (c.path("type").asText().equals("ReplicaFailure") && c.path("reason").asText().equals(reason)) {
                since = c.path("lastTransitionTime").asText(since);
            }
        }
        ObjectNode c = Meta.JSON.objectNode();
        c.put("lastTransitionTime", since);
        c.put("message", failed.getMessage());
        c.put("reason", reason);
        c.put("status", "True");
        c.put("type", "ReplicaFailure");
        return Optional.of(c);
    }
}
