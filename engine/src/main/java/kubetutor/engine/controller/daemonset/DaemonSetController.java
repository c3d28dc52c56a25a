package kubetutor.engine.controller.daemonset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.DeleteOptions;
import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.ControllerRefManager;
import kubetutor.engine.controller.OwnerReferences;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.Keys;
import kubetutor.engine.controller.OwnerEvents;
import kubetutor.engine.controller.TemplateHash;
import kubetutor.engine.controller.WorkQueue;
import kubetutor.engine.selector.LabelSelector;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * kube-controller-manager's DaemonSet controller: one pod on every node that should run it
 * ({@link NodeEligibility}), following nodes that join, change and leave. A sync claims the pods
 * (adopting matching orphans, releasing owned pods that stopped matching), groups them by the node
 * they are for, creates the missing ones in slow-start batches and deletes those that may not stay
 * (and failed ones, with a back-off), replaces pods of an older template ({@link RollingUpdate})
 * unless the strategy is OnDelete, then writes the status.
 */
public final class DaemonSetController {
    private static final EventRecorder.Source SOURCE = new EventRecorder.Source("daemonset-controller", "");
    /** At most this many creations or deletions per sync (the controller's burstReplicas). */
    private static final int BURST_REPLICAS = 250;

    private final ApiServer api;
    private final EventRecorder events;
    private final Simulation sim;
    private final WorkQueue<String> queue;
    private final FailedPodBackoff failedPods;

    public DaemonSetController(ControllerContext ctx) {
        this.api = ctx.api();
        this.events = ctx.events();
        this.sim = ctx.sim();
        this.queue = ctx.queue(this::sync);
        this.failedPods = new FailedPodBackoff(sim);
        ctx.informers().on(ResourceTypes.DAEMON_SET, OwnerEvents.owners(queue));
        ctx.informers().on(ResourceTypes.POD, OwnerEvents.pods(api.store(), ResourceTypes.DAEMON_SET,
                ds -> LabelSelector.fromApi(ds.path("spec").path("selector")), queue));
        ctx.informers().on(ResourceTypes.NODE, new Informers.EventHandler() {
            @Override
            public void added(ObjectNode node) {
                for (ObjectNode ds : api.store().list(ResourceTypes.DAEMON_SET, null)) {
                    if (new NodeEligibility(ds).of(node).shouldRun()) {
                        queue.add(Keys.of(ds));
                    }
                }
            }

            @Override
            public void updated(ObjectNode old, ObjectNode node) {
                if (Objects.equals(old.get("spec"), node.get("spec"))
                        && Objects.equals(old.path("metadata").get("labels"), node.path("metadata").get("labels"))) {
                    // Only the status changed (a heartbeat): nothing NodeShouldRunDaemonPod reads.
                    return;
                }
                for (ObjectNode ds : api.store().list(ResourceTypes.DAEMON_SET, null)) {
                    NodeEligibility eligibility = new NodeEligibility(ds);
                    if (!eligibility.of(old).equals(eligibility.of(node))) {
                        queue.add(Keys.of(ds));
                    }
                }
            }

            @Override
            public void deleted(ObjectNode node) {
                api.store().list(ResourceTypes.DAEMON_SET, null).forEach(ds -> queue.add(Keys.of(ds)));
            }
        });
    }

    private void sync(String key) {
        ObjectNode ds = api.store().get(ResourceTypes.DAEMON_SET, Keys.namespace(key), Keys.name(key));
        if (ds == null || Meta.isTerminating(ds)) {
            return;
        }
        String hash = TemplateHash.of(ds.path("spec").path("template"), ds.path("status").path("collisionCount").asInt(0));
        List<ObjectNode> nodes = api.store().list(ResourceTypes.NODE, null);
        NodeEligibility eligibility = new NodeEligibility(ds);
        boolean changed = manage(ds, nodes, eligibility, hash);
        // As the real controller waits for its creations and deletions to be observed first.
        if (!changed && !ds.path("spec").path("updateStrategy").path("type").asText("").equals("OnDelete")) {
            RollingUpdate.podsToDelete(ds, nodes, eligibility, nodePods(ds), hash, sim.now()).forEach(pod -> delete(ds, pod));
        }
        DaemonSetStatus.write(api, ds, nodes, eligibility, nodePods(ds), hash, sim.now(), queue);
    }

    /** getNodesToDaemonPods: the claimed pods by the node they are for, terminating and finished ones included. */
    private Map<String, List<JsonNode>> nodePods(ObjectNode ds) {
        Map<String, List<JsonNode>> byNode = new LinkedHashMap<>();
        for (JsonNode pod : ControllerRefManager.claimPods(api, ResourceTypes.DAEMON_SET, ds,
                LabelSelector.fromApi(ds.path("spec").path("selector")), api.store().list(ResourceTypes.POD, Meta.namespace(ds)))) {
            String node = DaemonPods.targetNode(pod);
            if (node != null) {
                byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(pod);
            }
        }
        return byNode;
    }

    /** manage and podsShouldBeOnNode: what each node is missing and what it must lose. Returns whether it acted. */
    private boolean manage(ObjectNode ds, List<ObjectNode> nodes, NodeEligibility eligibility, String hash) {
        Map<String, List<JsonNode>> byNode = nodePods(ds);
        List<String> needPods = new ArrayList<>();
        List<JsonNode> toDelete = new ArrayList<>();
        for (ObjectNode node : nodes) {
            NodeEligibility.Verdict v = eligibility.of(node);
            String name = Meta.name(node);
            List<JsonNode> pods = byNode.remove(name);
            if (v.shouldRun() && pods == null) {
                needPods.add(name);
            } else if (v.shouldContinueRunning() && pods != null) {
                keepOldestRunning(ds, name, pods, toDelete);
            } else if (!v.shouldContinueRunning() && pods != null) {
                pods.stream().filter(p -> !Meta.isTerminating(p)).forEach(toDelete::add);
            }
        }
        // Pods for nodes that are gone and were never bound: the pod garbage collector never sees them.
        byNode.values().forEach(pods -> pods.stream()
                .filter(p -> p.path("spec").path("nodeName").asText("").isEmpty()).forEach(toDelete::add));
        create(ds, needPods, hash);
        for (JsonNode pod : toDelete.subList(0, Math.min(toDelete.size(), BURST_REPLICAS))) {
            delete(ds, pod);
        }
        return !needPods.isEmpty() || !toDelete.isEmpty();
    }

    /** Failed or succeeded daemon pods go (a failed one in back-off waits); of several running, the oldest stays. */
    private void keepOldestRunning(ObjectNode ds, String node, List<JsonNode> pods, List<JsonNode> toDelete) {
        List<JsonNode> running = new ArrayList<>();
        for (JsonNode pod : pods) {
            if (Meta.isTerminating(pod)) {
                continue;
            }
            String phase = pod.path("status").path("phase").asText("");
            String where = Meta.namespace(pod) + "/" + Meta.name(pod) + " on node " + node;
            if (phase.equals("Failed")) {
                Duration wait = failedPods.waitFor(Keys.of(ds) + "/" + node);
                if (!wait.isZero()) {
                    queue.addAfter(Keys.of(ds), wait);
                    continue;
                }
                events.warning(ds, ResourceTypes.DAEMON_SET, null, SOURCE, "FailedDaemonPod",
                        "Found failed daemon pod " + where + ", will try to kill it");
                toDelete.add(pod);
            } else if (phase.equals("Succeeded")) {
                events.normal(ds, ResourceTypes.DAEMON_SET, null, SOURCE, "SucceededDaemonPod",
                        "Found succeeded daemon pod " + where + ", will try to delete it");
                toDelete.add(pod);
            } else {
                running.add(pod);
            }
        }
        running.sort(DaemonSetStatus.OLDEST_FIRST);
        toDelete.addAll(running.subList(Math.min(1, running.size()), running.size()));
    }

    /** syncNodes' creations: slow-start batches of 1, 2, 4, ..., stopping after a batch with a failure. */
    private void create(ObjectNode ds, List<String> nodes, String hash) {
        if (nodes.isEmpty()) {
            return;
        }
        ObjectNode template = DaemonPods.template(ds, hash);
        int total = Math.min(nodes.size(), BURST_REPLICAS);
        int done = 0;
        for (int batch = 1; done < total; batch = Math.min(2 * batch, total - done)) {
            boolean failed = false;
            for (int i = done; i < done + batch; i++) {
                failed |= !createOne(ds, template, nodes.get(i));
            }
            done += batch;
            if (failed) {
                return;
            }
        }
    }

    private boolean createOne(ObjectNode ds, ObjectNode template, String node) {
        try {
            ObjectNode pod = api.create(ResourceTypes.POD, DaemonPods.pod(ds, template, node, OwnerReferences.controllerRef(ResourceTypes.DAEMON_SET, ds)));
            events.normal(ds, ResourceTypes.DAEMON_SET, null, SOURCE, "SuccessfulCreate", "Created pod: " + Meta.name(pod));
            return true;
        } catch (ApiException e) {
            events.warning(ds, ResourceTypes.DAEMON_SET, null, SOURCE, "FailedCreate", "Error creating: " + e.getMessage());
            return false;
        }
    }

    private void delete(ObjectNode ds, JsonNode pod) {
        try {
            api.delete(ResourceTypes.POD, Meta.namespace(pod), Meta.name(pod), DeleteOptions.DEFAULT);
            events.normal(ds, ResourceTypes.DAEMON_SET, null, SOURCE, "SuccessfulDelete", "Deleted pod: " + Meta.name(pod));
        } catch (ApiException e) {
            if (e.reason() != ApiException.Reason.NotFound) {
                events.warning(ds, ResourceTypes.DAEMON_SET, null, SOURCE, "FailedDelete", "Error deleting: " + e.getMessage());
                throw e;
            }
        }
    }
}
