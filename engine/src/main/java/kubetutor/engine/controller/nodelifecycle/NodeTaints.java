package kubetutor.engine.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.scheduling.Taint;

import java.time.Instant;
import java.util.List;

/** The taints the node lifecycle controller puts on nodes and takes off them (SwapNodeControllerTaint). */
final class NodeTaints {
    static final Taint UNREACHABLE_NO_EXECUTE = new Taint("node.kubernetes.io/unreachable", "", "NoExecute", null);
    static final Taint NOT_READY_NO_EXECUTE = new Taint("node.kubernetes.io/not-ready", "", "NoExecute", null);

    private NodeTaints() {}

    /** taintutils.TaintExists: a taint of the same key and effect. */
    static boolean has(JsonNode node, Taint taint) {
        for (Taint t : Taint.of(node)) {
            if (t.sameAs(taint.key(), taint.effect())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds those of {@code add} the node does not have yet (stamped with timeAdded, at the end) and
     * takes {@code remove} off, in one write of the node's spec; no write when nothing changes.
     */
    static void swap(ApiServer api, JsonNode node, List<Taint> add, List<Taint> remove, Instant now) {
        ArrayNode taints = Meta.JSON.arrayNode();
        boolean changed = false;
        for (JsonNode t : node.path("spec").path("taints")) {
            if (remove.stream().anyMatch(r -> r.sameAs(t.path("key").asText(""), t.path("effect").asText("")))) {
                changed = true;
            } else {
                taints.add(t);
            }
        }
        for (Taint t : add) {
            if (!has(node, t)) {
                taints.addObject().put("effect", t.effect()).put("key", t.key()).put("timeAdded", Meta.timestamp(now));
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
        ObjectNode next = Meta.newVersion((ObjectNode) node);
        ObjectNode spec = Meta.shallowCopy((ObjectNode) node.path("spec"));
        if (taints.isEmpty()) {
            spec.remove("taints");
        } else {
            spec.set("taints", taints);
        }
        next.set("spec", spec);
        api.update(ResourceTypes.NODE, next);
    }
}
