package kubetutor.engine.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.selector.LabelSelector;

import java.util.ArrayList;
import java.util.List;

/**
 * controller.PodControllerRefManager.ClaimPods: the pods a controller owns, after it adopts the
 * matching orphans (not ones being deleted) and releases the owned pods whose labels stopped
 * matching. An owner being deleted adopts and releases nothing. An empty selector matches nothing.
 */
public final class ControllerRefManager {
    private ControllerRefManager() {}

    /** @param candidates the pods the controller counts (a ReplicaSet only active ones, a DaemonSet all) */
    public static List<JsonNode> claimPods(ApiServer api, ResourceType ownerType, ObjectNode owner, LabelSelector selector,
                                           List<? extends ObjectNode> candidates) {
        String uid = Meta.uid(owner);
        boolean deleting = Meta.isTerminating(owner);
        List<JsonNode> owned = new ArrayList<>();
        for (ObjectNode pod : candidates) {
            JsonNode ref = Meta.controllerRef(pod);
            boolean matches = !selector.isEmpty() && selector.matches(Meta.labels(pod));
            if (ref != null) {
                if (!ref.path("uid").asText().equals(uid)) {
                    continue;
                }
                if (matches) {
                    owned.add(pod);
                } else if (!deleting) {
                    api.update(ResourceTypes.POD, OwnerReferences.without(pod, uid));
                }
            } else if (matches && !deleting && !Meta.isTerminating(pod)) {
                owned.add(api.update(ResourceTypes.POD,
                        OwnerReferences.with(pod, OwnerReferences.controllerRef(ownerType, owner))));
            }
        }
        return owned;
    }
}
