package kubetutor.engine.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.Quantities;
import kubetutor.engine.api.scheduling.Taint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the filters read of a node, parsed once per version of the node (kube-scheduler's NodeInfo
 * snapshot): the scheduler tries every node for every pod, and parsing quantities each time was
 * most of its work.
 *
 * @param source the stored node this was read from; stored objects are replaced, never mutated,
 *               so the same object means the same facts
 * @param taints the taints the filters honour (NoSchedule and NoExecute)
 */
record NodeInfo(ObjectNode source, String name, boolean unschedulable, List<Taint> taints,
                Map<String, String> labels, int allocatablePods, long allocatableCpu, long allocatableMemory) {

    static NodeInfo of(ObjectNode node) {
        List<Taint> taints = new ArrayList<>();
        for (Taint t : Taint.of(node)) {
            if (t.effect().equals("NoSchedule") || t.effect().equals("NoExecute")) {
                taints.add(t);
            }
        }
        JsonNode alloc = node.path("status").path("allocatable");
        return new NodeInfo(node, Meta.name(node), node.path("spec").path("unschedulable").asBoolean(false),
                List.copyOf(taints), Map.copyOf(Meta.labels(node)), alloc.path("pods").asInt(110),
                Quantities.parseMillis(alloc.path("cpu").asText("0")),
                Quantities.parseBytes(alloc.path("memory").asText("0")));
    }
}
