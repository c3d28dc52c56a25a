package kubetutor.engine.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;

import java.time.Instant;

/**
 * MarkPodsNotReady: every pod on a node that stopped being ready gets its Ready condition False
 * (only that one: containerStatuses stay as the kubelet last posted them, so kubectl still shows
 * 1/1 Running) and a NodeNotReady warning. Services stop sending them traffic this way.
 */
final class PodsNotReady {
    private PodsNotReady() {}

    static void mark(ApiServer api, EventRecorder events, String node, Instant now) {
        for (ObjectNode pod : api.store().list(ResourceTypes.POD, null)) {
            if (!node.equals(pod.path("spec").path("nodeName").asText(""))) {
                continue;
            }
            ArrayNode conditions = Meta.JSON.arrayNode();
            boolean changed = false;
            for (JsonNode c : pod.path("status").path("conditions")) {
                if (c.path("type").asText().equals("Ready") && !c.path("status").asText().equals("False")) {
                    conditions.add(((ObjectNode) c).deepCopy().put("lastTransitionTime", Meta.timestamp(now)).put("status", "False"));
                    changed = true;
                } else {
                    conditions.add(c);
                }
            }
            if (!changed) {
                continue;
            }
            ObjectNode next = Meta.newVersion(pod);
            next.set("status", Meta.shallowCopy((ObjectNode) pod.get("status")).set("conditions", conditions));
            try {
                api.updateStatus(ResourceTypes.POD, next);
            } catch (ApiException e) {
                continue;
            }
            events.warning(pod, ResourceTypes.POD, null, EventRecorder.Source.NODE_CONTROLLER, "NodeNotReady", "Node is not ready");
        }
    }
}
