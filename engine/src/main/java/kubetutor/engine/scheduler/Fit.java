package kubetutor.engine.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The filter plugins a lab meets: NodeUnschedulable, TaintToleration, NodeAffinity (nodeSelector),
 * NodeResourcesFit. What they read of the pod is read once, as each pod meets every node.
 */
final class Fit {
    private final long cpu;
    private final long memory;
    private final Map<String, String> nodeSelector;
    private final List<Toleration> tolerations = new ArrayList<>();

    /** A toleration as written; an empty effect or key matches any. */
    private record Toleration(String key, String operator, String value, String effect) {
        boolean tolerates(String taintKey, String taintValue, String taintEffect) {
            if (!effect.isEmpty() && !effect.equals(taintEffect)) {
                return false;
            }
            if (operator.equals("Exists")) {
                return key.isEmpty() || key.equals(taintKey);
            }
            return operator.equals("Equal") && key.equals(taintKey) && value.equals(taintValue);
        }
    }

    Fit(JsonNode pod) {
        long[] r = Scheduler.requests(pod);
        this.cpu = r[0];
        this.memory = r[1];
        JsonNode selector = pod.path("spec").path("nodeSelector");
        this.nodeSelector = selector.isObject() ? Meta.stringMap(selector) : Map.of();
        for (JsonNode t : pod.path("spec").path("tolerations")) {
            tolerations.add(new Toleration(t.path("key").asText(""), t.path("operator").asText("Equal"),
                    t.path("value").asText(""), t.path("effect").asText("")));
        }
    }

    /** Why the node cannot take the pod, in the scheduler's words, or null when it can. */
    String reject(NodeInfo node, NodeUsage.Used used) {
        if (node.unschedulable() && !tolerates("node.kubernetes.io/unschedulable", "", "NoSchedule")) {
            return "node(s) were unschedulable";
        }
        // Indexed loops and an emptiness check: this runs for every node for every pod, and
        // iterators over the (mostly empty) taints and selectors were most of a big run's garbage.
        List<NodeInfo.Taint> taints = node.taints();
        for (int i = 0; i < taints.size(); i++) {
            NodeInfo.Taint taint = taints.get(i);
            if (!tolerates(taint.key(), taint.value(), taint.effect())) {
                return "node(s) had untolerated taint {" + taint.key() + ": " + taint.value() + "}";
            }
        }
        if (!nodeSelector.isEmpty()) {
            for (Map.Entry<String, String> e : nodeSelector.entrySet()) {
                if (!e.getValue().equals(node.labels().get(e.getKey()))) {
                    return "node(s) didn't match Pod's node affinity/selector";
                }
            }
        }
        if (used.pods + 1 > node.allocatablePods()) {
            return "Too many pods";
        }
        if (cpu > 0 && used.cpu + cpu > node.allocatableCpu()) {
            return "Insufficient cpu";
        }
        if (memory > 0 && used.memory + memory > node.allocatableMemory()) {
            return "Insufficient memory";
        }
        return null;
    }

    private boolean tolerates(String key, String value, String effect) {
        for (Toleration t : tolerations) {
            if (t.tolerates(key, value, effect)) {
                return true;
            }
        }
        return false;
    }
}
