package kubetutor.engine.controller.daemonset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.selector.LabelSelector;

import java.util.ArrayList;
import java.util.List;

/**
 * PodControllerRefManager.ClaimPods for a DaemonSet: the pods it owns after adopting matching
 * orphans (not ones being deleted) and releasing owned pods whose labels stopped matching. Unlike
 * a ReplicaSet's count, a DaemonSet's includes its terminating and finished pods: a node whose
 * daemon pod is still terminating gets no second one.
 */
final class PodClaim {
    private PodClaim() {}

    static List<JsonNode> claim(ApiServer api, ObjectNode ds, List<ObjectNode> pods) {
        LabelSelector selector = LabelSelector.fromApi(ds.path("spec").path("selector"));
        String uid = Meta.uid(ds);
        boolean deleting = Meta.isTerminating(ds);
        List<JsonNode> owned = new ArrayList<>();
        for (ObjectNode pod : pods) {
            JsonNode ref = Meta.controllerRef(pod);
            boolean matches = !selector.isEmpty() && selector.matches(Meta.labels(pod));
            if (ref != null) {
                if (!ref.path("uid").asText().equals(uid)) {
                    continue;
                }
                if (matches) {
                    owned.add(pod);
                } else if (!deleting) {
                    release(api, pod, uid);
                }
            } else if (matches && !deleting && !Meta.isTerminating(pod)) {
                owned.add(adopt(api, ds, pod));
            }
        }
        return owned;
    }

    private static ObjectNode adopt(ApiServer api, ObjectNode ds, ObjectNode pod) {
        ObjectNode next = Meta.newVersion(pod);
        ArrayNode refs = Meta.JSON.arrayNode();
        pod.path("metadata").path("ownerReferences").forEach(refs::add);
        refs.add(DaemonSetController.controllerRef(ds));
        Meta.metadata(next).set("ownerReferences", refs);
        return api.update(ResourceTypes.POD, next);
    }

    private static void release(ApiServer api, ObjectNode pod, String uid) {
        ObjectNode next = Meta.newVersion(pod);
        ArrayNode kept = Meta.JSON.arrayNode();
        pod.path("metadata").path("ownerReferences").forEach(r -> {
            if (!r.path("uid").asText().equals(uid)) {
                kept.add(r);
            }
        });
        if (kept.isEmpty()) {
            Meta.metadata(next).remove("ownerReferences");
        } else {
            Meta.metadata(next).set("ownerReferences", kept);
        }
        api.update(ResourceTypes.POD, next);
    }
}
