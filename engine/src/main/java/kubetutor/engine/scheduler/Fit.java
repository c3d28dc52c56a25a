package kubetutor.engine.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.scheduling.NodeAffinity;
import kubetutor.engine.api.scheduling.Taint;
import kubetutor.engine.api.scheduling.Toleration;

import java.util.List;

/**
 * The filter plugins a lab meets: NodeUnschedulable, TaintToleration, NodeAffinity (nodeSelector and
 * required node affinity, which ties a DaemonSet's pod to its node), NodeResourcesFit. What they
 * read of the pod is read once, as each pod meets every node.
 */
final class Fit {
    private final long cpu;
    private final long memory;
    private final NodeAffinity affinity;
    private final List<Toleration> tolerations;

    Fit(JsonNode pod) {
        long[] r = Scheduler.requests(pod);
        this.cpu = r[0];
        this.memory = r[1];
        this.affinity = NodeAffinity.of(pod.path("spec"));
        this.tolerations = Toleration.of(pod.path("spec"));
    }

    /** Why the node cannot take the pod, in the scheduler's words, or null when it can. */
    String reject(NodeInfo node, NodeUsage.Used used) {
        if (node.unschedulable() && !Toleration.anyTolerates(tolerations, UNSCHEDULABLE)) {
            return "node(s) were unschedulable";
        }
        // Indexed loops and an emptiness check: this runs for every node for every pod, and
        // iterators over the (mostly empty) taints and selectors were most of a big run's garbage.
        List<Taint> taints = node.taints();
        for (int i = 0; i < taints.size(); i++) {
            Taint taint = taints.get(i);
            if (!Toleration.anyTolerates(tolerations, taint)) {
                return "node(s) had untolerated taint {" + taint.key() + ": " + taint.value() + "}";
            }
        }
        if (!affinity.isEmpty() && !affinity.matches(node.name(), node.labels())) {
            return "node(s) didn't match Pod's node affinity/selector";
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

    /** What a cordoned node counts as for tolerations (the NodeUnschedulable filter). */
    private static final Taint UNSCHEDULABLE = new Taint("node.kubernetes.io/unschedulable", "", "NoSchedule", null);
}
