package kubetutor.engine.scheduler;

import com.fasterxml.jackson.databind.JsonNode;

/** The filter plugins a lab meets: NodeUnschedulable, TaintToleration, NodeAffinity (nodeSelector), NodeResourcesFit. */
final class Fit {
    private final JsonNode pod;
    private final long cpu;
    private final long memory;

    Fit(JsonNode pod) {
        this.pod = pod;
        long[] r = Scheduler.requests(pod);
        this.cpu = r[0];
        this.memory = r[1];
    }

    /** Why the node cannot take the pod, in the scheduler's words, or null when it can. */
    String reject(NodeInfo node, NodeUsage.Used used) {
        if (node.unschedulable() && !tolerates("node.kubernetes.io/unschedulable", "", "NoSchedule")) {
            return "node(s) were unschedulable";
        }
        for (NodeInfo.Taint taint : node.taints()) {
            if (!tolerates(taint.key(), taint.value(), taint.effect())) {
                return "node(s) had untolerated taint {" + taint.key() + ": " + taint.value() + "}";
            }
        }
        JsonNode selector = pod.path("spec").path("nodeSelector");
        if (selector.isObject()) {
            var it = selector.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (!e.getValue().asText().equals(node.labels().get(e.getKey()))) {
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
        for (JsonNode t : pod.path("spec").path("tolerations")) {
            String tEffect = t.path("effect").asText("");
            if (!tEffect.isEmpty() && !tEffect.equals(effect)) {
                continue;
            }
            String op = t.path("operator").asText("Equal");
            String tKey = t.path("key").asText("");
            if (op.equals("Exists") && (tKey.isEmpty() || tKey.equals(key))) {
                return true;
            }
            if (op.equals("Equal") && tKey.equals(key) && t.path("value").asText("").equals(value)) {
                return true;
            }
        }
        return false;
    }
}
