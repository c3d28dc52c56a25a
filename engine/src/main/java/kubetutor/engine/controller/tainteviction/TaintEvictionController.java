package kubetutor.engine.controller.tainteviction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.DeleteOptions;
import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.scheduling.Taint;
import kubetutor.engine.api.scheduling.Toleration;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.Keys;
import kubetutor.engine.controller.WorkQueue;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * kube-controller-manager's taint eviction controller: pods on a node with NoExecute taints are
 * deleted, at once when they do not tolerate one, after their shortest tolerationSeconds when they
 * do (counted from when this controller saw the taint), never when they tolerate for ever. A
 * deletion comes with a TaintManagerEviction event and a DisruptionTarget condition; a scheduled
 * one the taints' removal calls off. Its events name the pod without its uid, as the real one's
 * do, so kubectl describe pod does not show them; kubectl get events does.
 */
public final class TaintEvictionController {
    private static final EventRecorder.Source SOURCE = new EventRecorder.Source("taint-eviction-controller", "");

    /** A pod and the node its update was seen on (podUpdateItem). */
    private record PodItem(String key, String node) {}

    /**
     * A deletion the TimedWorkerQueue holds until it has run: {@code timer} is null for one due at
     * once, which is under way and can no longer be called off.
     */
    private record Eviction(Instant createdAt, Simulation.Scheduled timer) {}

    private final ApiServer api;
    private final EventRecorder events;
    private final Simulation sim;
    private final WorkQueue<String> nodeUpdates;
    private final WorkQueue<PodItem> podUpdates;
    /** Each node's NoExecute taints, as last seen. */
    private final Map<String, List<Taint>> taintedNodes = new HashMap<>();
    private final Map<String, Eviction> evictions = new HashMap<>();

    public TaintEvictionController(ControllerContext ctx) {
        this.api = ctx.api();
        this.events = ctx.events();
        this.sim = ctx.sim();
        this.nodeUpdates = ctx.queue(this::handleNode);
        this.podUpdates = ctx.queue(this::handlePod);
        ctx.informers().on(ResourceTypes.NODE, new Informers.EventHandler() {
            @Override
            public void added(ObjectNode node) {
                if (!noExecute(node).isEmpty()) {
                    nodeUpdates.add(Meta.name(node));
                }
            }

            @Override
            public void updated(ObjectNode old, ObjectNode node) {
                if (!noExecute(old).equals(noExecute(node))) {
                    nodeUpdates.add(Meta.name(node));
                }
            }

            @Override
            public void deleted(ObjectNode node) {
                nodeUpdates.add(Meta.name(node));
            }
        });
        ctx.informers().on(ResourceTypes.POD, new Informers.EventHandler() {
            @Override
            public void added(ObjectNode pod) {
                podUpdates.add(new PodItem(Keys.of(pod), nodeName(pod)));
            }

            @Override
            public void updated(ObjectNode old, ObjectNode pod) {
                if (!Objects.equals(old.path("spec").get("tolerations"), pod.path("spec").get("tolerations"))
                        || !nodeName(old).equals(nodeName(pod))) {
                    podUpdates.add(new PodItem(Keys.of(pod), nodeName(pod)));
                }
            }

            @Override
            public void deleted(ObjectNode pod) {
                podUpdates.add(new PodItem(Keys.of(pod), nodeName(pod)));
            }
        });
    }

    private static String nodeName(JsonNode pod) {
        return pod.path("spec").path("nodeName").asText("");
    }

    private static List<Taint> noExecute(JsonNode node) {
        return Taint.of(node).stream().filter(t -> t.effect().equals("NoExecute")).toList();
    }

    private void handleNode(String name) {
        ObjectNode node = api.store().get(ResourceTypes.NODE, "", name);
        if (node == null) {
            taintedNodes.remove(name);
            return;
        }
        List<Taint> taints = noExecute(node);
        if (taints.isEmpty()) {
            taintedNodes.remove(name);
        } else {
            taintedNodes.put(name, taints);
        }
        for (ObjectNode pod : api.store().list(ResourceTypes.POD, null)) {
            if (!name.equals(nodeName(pod))) {
                continue;
            }
            if (taints.isEmpty()) {
                cancel(Keys.of(pod));
            } else {
                processPodOnNode(pod, taints);
            }
        }
    }

    private void handlePod(PodItem item) {
        ObjectNode pod = api.store().get(ResourceTypes.POD, Keys.namespace(item.key()), Keys.name(item.key()));
        if (pod == null) {
            cancel(item.key());
            return;
        }
        if (!nodeName(pod).equals(item.node()) || item.node().isEmpty()) {
            return;
        }
        List<Taint> taints = taintedNodes.get(item.node());
        if (taints != null) {
            processPodOnNode(pod, taints);
        }
    }

    private void processPodOnNode(JsonNode pod, List<Taint> taints) {
        String key = Keys.of(pod);
        Instant now = sim.now();
        TolerationTime toleration = TolerationTime.of(taints, Toleration.of(pod.path("spec")));
        if (!toleration.allTolerated()) {
            cancel(key);
            schedule(key, now, now);
            return;
        }
        if (toleration.time() == null) {
            cancel(key);
            return;
        }
        Instant trigger = now.plus(toleration.time());
        Instant start = now;
        Eviction existing = evictions.get(key);
        if (existing != null && existing.timer() != null) {
            start = existing.createdAt();
            if (start.plus(toleration.time()).isBefore(trigger)) {
                return;
            }
            cancel(key);
        }
        schedule(key, start, trigger);
    }

    /** TimedWorkerQueue.AddWork: nothing when the pod has an entry already. */
    private void schedule(String key, Instant createdAt, Instant fireAt) {
        if (evictions.containsKey(key)) {
            return;
        }
        if (!fireAt.isAfter(createdAt)) {
            evictions.put(key, new Eviction(createdAt, null));
            sim.after(Duration.ZERO, () -> evict(key));
            return;
        }
        evictions.put(key, new Eviction(createdAt, sim.at(fireAt, () -> evict(key))));
    }

    /** cancelWorkWithEvent: the entry goes; a deletion still waiting is called off, and that is told. */
    private void cancel(String key) {
        Eviction e = evictions.remove(key);
        if (e != null && e.timer() != null) {
            e.timer().cancel();
            events.normal(ref(key), ResourceTypes.POD, null, SOURCE, "TaintManagerEviction",
                    "Cancelling deletion of Pod " + key);
        }
    }

    /**
     * deletePodHandler: the event, the DisruptionTarget condition, then the delete with the pod's
     * own grace period; the entry goes once it ran.
     */
    private void evict(String key) {
        events.normal(ref(key), ResourceTypes.POD, null, SOURCE, "TaintManagerEviction", "Marking for deletion Pod " + key);
        ObjectNode pod = api.store().get(ResourceTypes.POD, Keys.namespace(key), Keys.name(key));
        try {
            if (pod != null) {
                markDisruptionTarget(pod);
                api.delete(ResourceTypes.POD, Keys.namespace(key), Keys.name(key), DeleteOptions.DEFAULT);
            }
        } catch (ApiException e) {
            // The real handler retries a few times, then gives up: a later update schedules the pod again.
        }
        evictions.remove(key);
    }

    private void markDisruptionTarget(ObjectNode pod) {
        ArrayNode conditions = Meta.JSON.arrayNode();
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals("DisruptionTarget") && c.path("status").asText().equals("True")) {
                return;
            }
            if (!c.path("type").asText().equals("DisruptionTarget")) {
                conditions.add(c);
            }
        }
        conditions.addObject().putNull("lastProbeTime").put("lastTransitionTime", Meta.timestamp(sim.now()))
                .put("message", "Taint manager: deleting due to NoExecute taint").put("reason", "DeletionByTaintManager")
                .put("status", "True").put("type", "DisruptionTarget");
        ObjectNode next = Meta.newVersion(pod);
        next.set("status", Meta.shallowCopy((ObjectNode) pod.get("status")).set("conditions", conditions));
        api.updateStatus(ResourceTypes.POD, next);
    }

    /** The pod as the controller's events name it: namespace and name, no uid. */
    private static JsonNode ref(String key) {
        ObjectNode ref = Meta.JSON.objectNode();
        ref.putObject("metadata").put("name", Keys.name(key)).put("namespace", Keys.namespace(key));
        return ref;
    }
}
