package kubetutor.engine.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.Quantities;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.WatchEvent;
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
    private final Set<String> queued = new LinkedHashSet<>();
    private final Set<String> unschedulable = new LinkedHashSet<>();
    private final NodeUsage usage = new NodeUsage();
    private final Map<String, NodeInfo> nodeInfos = new HashMap<>();
    private boolean scheduled;

    public Scheduler(ApiServer api, EventRecorder events, Simulation sim, Rng rng) {
        this.api = api;
        this.events = events;
        this.sim = sim;
        this.rng = rng;
        api.store().watch(this::onEvent);
    }

    private static String key(JsonNode pod) {
        return Meta.namespace(pod) + "/" + Meta.name(pod);
    }

    private void onEvent(WatchEvent e) {
        if (e.resource() == ResourceTypes.NODE) {
            if (e.type() == WatchEvent.Type.DELETED) {
                nodeInfos.remove(Meta.name(e.object()));
            }
            retryUnschedulable();
            return;
        }
        if (e.resource() != ResourceTypes.POD) {
            return;
        }
        ObjectNode pod = e.object();
        usage.observe(e);
        if (e.type() == WatchEvent.Type.DELETED) {
            queued.remove(key(pod));
            unschedulable.remove(key(pod));
            retryUnschedulable();
            return;
        }
        if (pod.path("spec").path("nodeName").asText("").isEmpty() && !Meta.isTerminating(pod)
                && e.type() == WatchEvent.Type.ADDED) {
            queued.add(key(pod));
            wake();
        }
    }

    private void retryUnschedulable() {
        if (!unschedulable.isEmpty()) {
            queued.addAll(unschedulable);
            unschedulable.clear();
            wake();
        }
    }

    private void wake() {
        if (!scheduled) {
            scheduled = true;
            sim.after(Duration.ZERO, this::drain);
        }
    }

    private void drain() {
        scheduled = false;
        List<String> batch = new ArrayList<>(queued);
        queued.clear();
        for (String k : batch) {
            int slash = k.indexOf('/');
            ObjectNode pod = api.store().get(ResourceTypes.POD, k.substring(0, slash), k.substring(slash + 1));
            if (pod != null && pod.path("spec").path("nodeName").asText("").isEmpty() && !Meta.isTerminating(pod)) {
                scheduleOne(pod);
            }
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
            unschedulable.add(key(pod));
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
        // The binding subresource: not a spec update, so pod immutability does not apply.
        api.updateStatus(ResourceTypes.POD, next);
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
