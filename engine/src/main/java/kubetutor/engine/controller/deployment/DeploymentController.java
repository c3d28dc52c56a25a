package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.Keys;
import kubetutor.engine.controller.WorkQueue;
import kubetutor.engine.selector.LabelSelector;
import kubetutor.engine.sim.Simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * kube-controller-manager's deployment controller (deployment_controller.go): a Deployment's
 * ReplicaSets follow its template and replicas. Any change to a deployment or to one of its
 * ReplicaSets brings a sync; a Recreate deployment also looks again when its last pod is gone. A
 * sync claims the ReplicaSets, then, in this order: a deployment being deleted only reports its
 * status; a paused one, or one whose replicas changed, is only scaled; otherwise one step of its
 * strategy ({@link Rolling}, {@link Recreate}) is taken.
 */
public final class DeploymentController {
    private final ApiServer api;
    private final EventRecorder events;
    private final Simulation sim;
    private final WorkQueue<String> queue;

    public DeploymentController(ControllerContext ctx) {
        this.api = ctx.api();
        this.events = ctx.events();
        this.sim = ctx.sim();
        this.queue = ctx.queue(this::sync);
        ctx.informers().on(ResourceTypes.DEPLOYMENT, new Informers.EventHandler() {
            @Override
            public void added(ObjectNode d) {
                queue.add(Keys.of(d));
            }

            @Override
            public void updated(ObjectNode old, ObjectNode d) {
                queue.add(Keys.of(d));
            }

            @Override
            public void deleted(ObjectNode d) {
                queue.add(Keys.of(d));
            }
        });
        ctx.informers().on(ResourceTypes.REPLICA_SET, new Informers.EventHandler() {
            @Override
            public void added(ObjectNode rs) {
                enqueueFor(rs);
            }

            @Override
            public void updated(ObjectNode old, ObjectNode rs) {
                JsonNode oldRef = Meta.controllerRef(old);
                JsonNode ref = Meta.controllerRef(rs);
                boolean refChanged = !Objects.equals(oldRef, ref);
                if (refChanged && oldRef != null) {
                    enqueueOwner(old, oldRef);
                }
                if (ref != null) {
                    enqueueOwner(rs, ref);
                } else if (refChanged || !Objects.equals(old.path("metadata").get("labels"), rs.path("metadata").get("labels"))) {
                    enqueueMatching(rs);
                }
            }

            @Override
            public void deleted(ObjectNode rs) {
                JsonNode ref = Meta.controllerRef(rs);
                if (ref != null) {
                    enqueueOwner(rs, ref);
                }
            }
        });
        ctx.informers().on(ResourceTypes.POD, new Informers.EventHandler() {
            @Override
            public void deleted(ObjectNode pod) {
                recreateMayGoOn(pod);
            }
        });
    }

    private void enqueueFor(JsonNode rs) {
        JsonNode ref = Meta.controllerRef(rs);
        if (ref != null) {
            enqueueOwner(rs, ref);
        } else {
            enqueueMatching(rs);
        }
    }

    /** resolveControllerRef: the deployment a reference names, if it is still that one (same uid). */
    private ObjectNode owner(JsonNode obj, JsonNode ref) {
        if (!ref.path("kind").asText().equals("Deployment") || !ref.path("apiVersion").asText().equals("apps/v1")) {
            return null;
        }
        ObjectNode d = api.store().get(ResourceTypes.DEPLOYMENT, Meta.namespace(obj), ref.path("name").asText());
        return d != null && Meta.uid(d).equals(ref.path("uid").asText()) ? d : null;
    }

    private void enqueueOwner(JsonNode rs, JsonNode ref) {
        ObjectNode d = owner(rs, ref);
        if (d != null) {
            queue.add(Keys.of(d));
        }
    }

    /** An orphan ReplicaSet: every deployment whose selector matches it may adopt it. */
    private void enqueueMatching(JsonNode rs) {
        for (ObjectNode d : api.store().list(ResourceTypes.DEPLOYMENT, Meta.namespace(rs))) {
            LabelSelector selector = LabelSelector.fromApi(d.path("spec").path("selector"));
            if (!selector.isEmpty() && selector.matches(Meta.labels(rs))) {
                queue.add(Keys.of(d));
            }
        }
    }

    /** deletePod: a Recreate deployment whose last pod just went can create its new ReplicaSet. */
    private void recreateMayGoOn(JsonNode pod) {
        JsonNode rsRef = Meta.controllerRef(pod);
        if (rsRef == null || !rsRef.path("kind").asText().equals("ReplicaSet")) {
            return;
        }
        ObjectNode rs = api.store().get(ResourceTypes.REPLICA_SET, Meta.namespace(pod), rsRef.path("name").asText());
        JsonNode dRef = rs == null ? null : Meta.controllerRef(rs);
        ObjectNode d = dRef == null ? null : owner(rs, dRef);
        if (d == null || !DeploymentSpec.of(d).recreate()) {
            return;
        }
        int pods = 0;
        for (List<JsonNode> list : podsByReplicaSet(d, ReplicaSetClaims.owned(api, d)).values()) {
            pods += list.size();
        }
        if (pods == 0) {
            queue.add(Keys.of(d));
        }
    }

    /**
     * getPodMapForDeployment: the pods the deployment's selector matches, by the uid of the
     * ReplicaSet (one of its own) that controls them; read through the owner index, not a scan.
     */
    private Map<String, List<JsonNode>> podsByReplicaSet(ObjectNode d, List<ObjectNode> replicaSets) {
        LabelSelector selector = LabelSelector.fromApi(d.path("spec").path("selector"));
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        for (ObjectNode rs : replicaSets) {
            List<JsonNode> pods = new ArrayList<>();
            for (ObjectNode dependent : api.store().dependents(Meta.uid(rs))) {
                JsonNode ref = Meta.controllerRef(dependent);
                if (dependent.path("kind").asText().equals("Pod") && ref != null
                        && ref.path("uid").asText().equals(Meta.uid(rs)) && selector.matches(Meta.labels(dependent))) {
                    pods.add(dependent);
                }
            }
            out.put(Meta.uid(rs), pods);
        }
        return out;
    }

    private void sync(String key) {
        ObjectNode d = api.store().get(ResourceTypes.DEPLOYMENT, Keys.namespace(key), Keys.name(key));
        if (d == null) {
            return;
        }
        List<ObjectNode> owned = ReplicaSetClaims.claim(api, d);
        Rollout r = new Rollout(api, events, sim.now(), d, owned);
        if (Meta.isTerminating(d)) {
            Progress.syncDeploymentStatus(r, NewReplicaSet.sync(r, false));
            return;
        }
        Progress.checkPaused(r);
        if (r.spec().paused() || Scaling.isScalingEvent(r)) {
            Scaling.sync(r);
            return;
        }
        if (r.spec().recreate()) {
            Recreate.rollout(r, podsByReplicaSet(d, owned), after -> queue.addAfter(key, after));
        } else {
            Rolling.rollout(r, after -> queue.addAfter(key, after));
        }
    }
}
