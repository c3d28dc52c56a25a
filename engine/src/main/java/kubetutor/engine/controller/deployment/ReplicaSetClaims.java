package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.OwnerReferences;
import kubetutor.engine.selector.LabelSelector;

import java.util.ArrayList;
import java.util.List;

/**
 * getReplicaSetsForDeployment (controller.ReplicaSetControllerRefManager.ClaimReplicaSets): the
 * ReplicaSets a deployment owns, after it adopts orphans whose labels its selector matches and
 * releases owned ones whose labels no longer match. A deployment being deleted adopts and releases
 * nothing.
 */
final class ReplicaSetClaims {
    private ReplicaSetClaims() {}

    static List<ObjectNode> claim(ApiServer api, ObjectNode d) {
        LabelSelector selector = LabelSelector.fromApi(d.path("spec").path("selector"));
        String uid = Meta.uid(d);
        boolean deleting = Meta.isTerminating(d);
        List<ObjectNode> owned = new ArrayList<>();
        for (ObjectNode rs : api.store().list(ResourceTypes.REPLICA_SET, Meta.namespace(d))) {
            JsonNode ref = Meta.controllerRef(rs);
            boolean matches = !selector.isEmpty() && selector.matches(Meta.labels(rs));
            if (ref != null) {
                if (!ref.path("uid").asText().equals(uid)) {
                    continue;
                }
                if (matches) {
                    owned.add(rs);
                } else if (!deleting) {
                    release(api, rs, uid);
                }
            } else if (matches && !deleting && !Meta.isTerminating(rs)) {
                owned.add(adopt(api, d, rs));
            }
        }
        return owned;
    }

    /** ListReplicaSets: the ReplicaSets the selector matches that the deployment controls, claiming nothing. */
    static List<ObjectNode> owned(ApiServer api, ObjectNode d) {
        LabelSelector selector = LabelSelector.fromApi(d.path("spec").path("selector"));
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode rs : api.store().list(ResourceTypes.REPLICA_SET, Meta.namespace(d))) {
            JsonNode ref = Meta.controllerRef(rs);
            if (ref != null && ref.path("uid").asText().equals(Meta.uid(d)) && selector.matches(Meta.labels(rs))) {
                out.add(rs);
            }
        }
        return out;
    }

    private static ObjectNode adopt(ApiServer api, ObjectNode d, ObjectNode rs) {
        ObjectNode next = Meta.newVersion(rs);
        ArrayNode refs = Meta.JSON.arrayNode();
        rs.path("metadata").path("ownerReferences").forEach(refs::add);
        ObjectNode ref = refs.addObject();
        ref.put("apiVersion", "apps/v1");
        ref.put("kind", "Deployment");
        ref.put("name", Meta.name(d));
        ref.put("uid", Meta.uid(d));
        ref.put("controller", true);
        ref.put("blockOwnerDeletion", true);
        Meta.metadata(next).set("ownerReferences", refs);
        return api.update(ResourceTypes.REPLICA_SET, next);
    }

    private static void release(ApiServer api, ObjectNode rs, String uid) {
        try {
            api.update(ResourceTypes.REPLICA_SET, OwnerReferences.without(rs, uid));
        } catch (ApiException e) {
            if (e.reason() != ApiException.Reason.NotFound) {
                throw e;
            }
        }
    }
}
