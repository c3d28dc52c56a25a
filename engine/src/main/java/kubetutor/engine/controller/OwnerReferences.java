package kubetutor.engine.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;

/** Changes to an object's ownerReferences, as new versions to write back. */
public final class OwnerReferences {
    private OwnerReferences() {}

    /** {@code obj} without its references to the owner {@code uid} (the field goes when none is left). */
    public static ObjectNode without(ObjectNode obj, String uid) {
        ObjectNode next = Meta.newVersion(obj);
        ArrayNode kept = Meta.JSON.arrayNode();
        for (JsonNode r : obj.path("metadata").path("ownerReferences")) {
            if (!r.path("uid").asText().equals(uid)) {
                kept.add(r);
            }
        }
        if (kept.isEmpty()) {
            Meta.metadata(next).remove("ownerReferences");
        } else {
            Meta.metadata(next).set("ownerReferences", kept);
        }
        return next;
    }
}
