package kubetutor.engine.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.scheduling.Taint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * doNoScheduleTaintingPass: the NoSchedule taints a node's conditions call for (not-ready,
 * unreachable, the pressures, network-unavailable) and the unschedulable one of a cordoned node,
 * put on or taken off whenever the node changes. Unlike the NoExecute taints, no rate limit.
 */
final class NoScheduleTaints {
    /** Condition type, then status, to the taint key it calls for (nodeConditionToTaintKeyStatusMap). */
    private static final Map<String, Map<String, String>> CONDITION_TAINTS = Map.of(
            "Ready", Map.of("False", "node.kubernetes.io/not-ready", "Unknown", "node.kubernetes.io/unreachable"),
            "MemoryPressure", Map.of("True", "node.kubernetes.io/memory-pressure"),
            "DiskPressure", Map.of("True", "node.kubernetes.io/disk-pressure"),
            "NetworkUnavailable", Map.of("True", "node.kubernetes.io/network-unavailable"),
            "PIDPressure", Map.of("True", "node.kubernetes.io/pid-pressure"));
    private static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

    private NoScheduleTaints() {}

    static void sync(ApiServer api, JsonNode node, Instant now) {
        List<Taint> wanted = new ArrayList<>();
        for (JsonNode c : node.path("status").path("conditions")) {
            String key = CONDITION_TAINTS.getOrDefault(c.path("type").asText(), Map.of()).get(c.path("status").asText());
            if (key != null) {
                wanted.add(new Taint(key, "", "NoSchedule", null));
            }
        }
        if (node.path("spec").path("unschedulable").asBoolean(false)) {
            wanted.add(new Taint(UNSCHEDULABLE, "", "NoSchedule", null));
        }
        // Only taints this pass owns are compared: a user's or kubeadm's stay as they are.
        List<Taint> present = new ArrayList<>();
        for (Taint t : Taint.of(node)) {
            if (t.effect().equals("NoSchedule") && (t.key().equals(UNSCHEDULABLE) || owned(t.key()))) {
                present.add(t);
            }
        }
        List<Taint> add = wanted.stream().filter(w -> present.stream().noneMatch(p -> p.sameAs(w.key(), w.effect()))).toList();
        List<Taint> remove = present.stream().filter(p -> wanted.stream().noneMatch(w -> w.sameAs(p.key(), p.effect()))).toList();
        if (!add.isEmpty() || !remove.isEmpty()) {
            NodeTaints.swap(api, node, add, remove, now);
        }
    }

    private static boolean owned(String key) {
        for (Map<String, String> byStatus : CONDITION_TAINTS.values()) {
            if (byStatus.containsValue(key)) {
                return true;
            }
        }
        return false;
    }
}
