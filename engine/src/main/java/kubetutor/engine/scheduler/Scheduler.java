package kubetutor.engine.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.Quantities;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.Keys;
import kubetutor.engine.controller.WorkQueue;
import kubetutor.engine.sim.Rng;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default scheduler, reduced to what a lab shows: filter nodes (schedulable, taints tolerated,
 * nodeSelector, requests fit, pod count), then prefer the least loaded; ties go to the generator,
 * as the real scheduler picks at random among equal scores. Nothing fits: the pod stays Pending
 * with a FailedScheduling event that counts the reasons, and is tried again when the cluster changes.
 */
public final class Scheduler {
    private final ApiServer api;
    private final EventRecorder events;
    private final Simulation sim;
    private final Rng rng;
    private final WorkQueue<String> queue;
    /** Pods that fit nowhere, tried again when the cluster changes (a node, or a pod gone). */
    private final Set<String> unschedulable = new LinkedHashSet<>();
    private final NodeUsage usage = new NodeUsage();
    private final Map<String, NodeInfo> nodeInfos = new HashMap<>();

    public Scheduler(ControllerContext ctx) {
        this.api = ctx.api();
        this.events = ctx.events();
        this.sim = ctx.sim();
        this.rng = ctx.rng("scheduler");
        this.queue = ctx.queue(this::sync);
        ctx.informers().on(ResourceTypes.NODE, new Informers.EventHandler() {
            @Override
            public void added(ObjectNode node) {
                retryUnschedulable();
            }

            @Override
            public void updated(ObjectNode old, ObjectNode node) {
                retryUnschedulable();
            }

            @Override
            public void deleted(ObjectNode node) {
                nodeInfos.remove(Meta.name(node));
                retryUnschedulable();
            }
        });
        ctx.informers().on(ResourceTypes.POD, new Informers.EventHandler() {
            @Override
            public void added(ObjectNode pod) {
                usage.observe(pod, false);
                if (pod.path("spec").path("nodeName").asText("").isEmpty() && !Meta.isTerminating(pod)) {
                    queue.add(Keys.of(pod));
                }
            }

            @Override
            public void updated(ObjectNode old, ObjectNode pod) {
                usage.observe(pod, false);
            }

            @Override
            public void deleted(ObjectNode pod) {
                usage.observe(pod, true);
                unschedulable.remove(Keys.of(pod));
                retryUnschedulable();
            }
        });
    }

    private void retryUnschedulable() {
        unschedulable.forEach(queue::add);
        unschedulable.clear();
    }

    private void sync(String key) {
        ObjectNode pod = api.store().get(ResourceTypes.POD, Keys.namespace(key), Keys.name(key));
        if (pod != null && pod.path("spec").path("nodeName").asText("").isEmpty() && !Meta.isTerminating(pod)) {
            scheduleOne(pod);
        }
    }

    private void scheduleOne(ObjectNode pod) {
        List<ObjectNode> nodes = api.store().list(ResourceTypes.NODE, null);
        Fit fit = new Fit(pod);
        Map<String, Integer> reasons = new HashMap<>();
        List<NodeInfo> feasible = new ArrayList<>();
        for (ObjectNode node : nodes) {
            NodeInfo info = info(node);
            String why = fit.reject(info, usage.of(info.name()));
            if (why == null) {
                feasible.add(info);
            } else {
                reasons.merge(why, 1, Integer::sum);
            }
        }
        if (feasible.isEmpty()) {
            unschedulable.add(Keys.of(pod));
            failed(pod, nodes.size(), reasons);
            return;
        }
        int best = Integer.MAX_VALUE;
        List<NodeInfo> top = new ArrayList<>();
        for (NodeInfo node : feasible) {
            int load = usage.of(node.name()).pods;
            if (load < best) {
                best = load;
                top.clear();
            }
            if (load == best) {
                top.add(node);
            }
        }
        NodeInfo chosen = top.get(rng.nextInt(top.size()));
        bind(pod, chosen.name());
    }

    /** The node's filter facts, parsed again only when the stored node was replaced. */
    private NodeInfo info(ObjectNode node) {
        NodeInfo info = nodeInfos.get(Meta.name(node));
        if (info == null || info.source() != node) {
            info = NodeInfo.of(node);
            nodeInfos.put(info.name(), info);
        }
        return info;
    }

    private void bind(ObjectNode pod, String node) {
        // A new version sharing what it does not change with the stored pod: only spec and status differ.
        ObjectNode next = Meta.newVersion(pod);
        next.set("spec", Meta.shallowCopy((ObjectNode) pod.get("spec")).put("nodeName", node));
        ObjectNode status = pod.get("status") instanceof ObjectNode s ? Meta.shallowCopy(s) : Meta.JSON.objectNode();
        next.set("status", status);
        ArrayNode conditions = status.putArray("conditions");
        ObjectNode c = conditions.addObject();
        c.putNull("lastProbeTime");
        c.put("lastTransitionTime", Meta.timestamp(sim.now()));
        c.put("status", "True");
        c.put("type", "PodScheduled");
        if (!status.has("phase")) {
            status.put("phase", "Pending");
        }
        api.bind(next);
        events.normal(next, ResourceTypes.POD, null, EventRecorder.Source.SCHEDULER, "Scheduled",
                "Successfully assigned " + Meta.namespace(pod) + "/" + Meta.name(pod) + " to " + node);
    }

    private void failed(ObjectNode pod, int nodeCount, Map<String, Integer> reasons) {
        String message = FailureMessage.of(nodeCount, reasons);
        ObjectNode next = Meta.newVersion(pod);
        ObjectNode status = pod.get("status") instanceof ObjectNode s ? Meta.shallowCopy(s) : Meta.JSON.objectNode();
        next.set("status", status);
        String previous = null;
        for (JsonNode c : status.path("conditions")) {
            if (c.path("type").asText().equals("PodScheduled")) {
                previous = c.path("message").asText();
            }
        }
        if (!message.equals(previous)) {
            ArrayNode conditions = status.putArray("conditions");
            ObjectNode c = conditions.addObject();
            c.putNull("lastProbeTime");
            c.put("lastTransitionTime", Meta.timestamp(sim.now()));
            c.put("message", message);
            c.put("reason", "Unschedulable");
            c.put("status", "False");
            c.put("type", "PodScheduled");
            if (!status.has("phase")) {
                status.put("phase", "Pending");
            }
            api.updateStatus(ResourceTypes.POD, next);
        }
        events.warning(pod, ResourceTypes.POD, null, EventRecorder.Source.SCHEDULER, "FailedScheduling", message);
    }

    /** Requests of a pod's containers, in millicores and bytes. */
    static long[] requests(JsonNode pod) {
        long cpu = 0;
        long mem = 0;
        for (JsonNode c : pod.path("spec").path("containers")) {
            JsonNode r = c.path("resources").path("requests");
            cpu += Quantities.parseMillis(r.path("cpu").asText(""));
            mem += Quantities.parseBytes(r.path("memory").asText(""));
        }
        return new long[] {cpu, mem};
    }
}
