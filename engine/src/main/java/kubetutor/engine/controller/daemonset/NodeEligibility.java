package kubetutor.engine.controller.daemonset;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.scheduling.NodeAffinity;
import kubetutor.engine.api.scheduling.Taint;
import kubetutor.engine.api.scheduling.Toleration;

import java.util.List;

/**
 * NodeShouldRunDaemonPod for one DaemonSet: whether a node should get its pod (the template's
 * nodeName, node selector and affinity match, and every NoSchedule and NoExecute taint is
 * tolerated), and whether a pod already there may stay (only NoExecute taints count then: a node
 * that went unreachable keeps its daemon pods, though the unreachable NoSchedule taint keeps new
 * ones off).
 */
final class NodeEligibility {
    private final String nodeName;
    private final NodeAffinity affinity;
    private final List<Toleration> tolerations;

    /** What NodeShouldRunDaemonPod says of one node. */
    record Verdict(boolean shouldRun, boolean shouldContinueRunning) {}

    NodeEligibility(JsonNode ds) {
        JsonNode spec = ds.path("spec").path("template").path("spec");
        this.nodeName = spec.path("nodeName").asText("");
        this.affinity = NodeAffinity.of(spec);
        this.tolerations = DaemonPods.tolerations(ds);
    }

    Verdict of(JsonNode node) {
        String name = Meta.name(node);
        if (!nodeName.isEmpty() && !nodeName.equals(name) || !affinity.matches(name, Meta.labels(node))) {
            return new Verdict(false, false);
        }
        List<Taint> taints = Taint.of(node);
        if (Toleration.untolerated(taints, tolerations,
                t -> t.effect().equals("NoSchedule") || t.effect().equals("NoExecute")) == null) {
            return new Verdict(true, true);
        }
        return new Verdict(false, Toleration.untolerated(taints, tolerations, t -> t.effect().equals("NoExecute")) == null);
    }
}
