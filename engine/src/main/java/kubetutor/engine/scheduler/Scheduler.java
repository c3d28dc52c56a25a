package kubetutor.engine.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.WatchEvent;
import kubetutor.engine.cluster.Quantities;
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
        List<ObjectNode> feasible = new ArrayList<>();
        for (ObjectNode node : nodes) {
            String why = fit.reject(node, usage.of(Meta.name(node)));
            if (why == null) {
                feasible.add(node);
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
        List<ObjectNode> top = new ArrayList<>();
        for (ObjectNode node : feasible) {
            int load = usage.of(Meta.name(node)).pods;
            if (load < best) {
                best = load;
                top.clear();
            }
            if (load == best) {
                top.add(node);
            }
        }
        ObjectNode chosen = top.get(rng.nextInt(top.size()));
        bind(pod, Meta.name(chosen));
    }

    private void bind(ObjectNode pod, String node) {
        ObjectNode next = pod.deepCopy();
        ((ObjectNode) next.get("spec")).put("nodeName", node);
        ObjectNode status = next.has("status") && next.get("status").isObject()
                ? (ObjectNode) next.get("status") : next.putObject("status");
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
        ObjectNode next = pod.deepCopy();
        ObjectNode status = next.has("status") && next.get("status").isObject()
                ? (ObjectNode) next.get("status") : next.putObject("status");
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
