package kubetutor.engine.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;

/** Changes to an object's ownerReferences, as new versions to write back. */
public final class OwnerReferences {
    private OwnerReferences() {}

    /** The reference a controller puts on what it makes or adopts (metav1.NewControllerRef). */
    public static ObjectNode controllerRef(ResourceType type, JsonNode owner) {
        ObjectNode ref = Meta.JSON.objectNode();
        ref.put("apiVersion", type.apiVersion());
        ref.put("blockOwnerDeletion", true);
        ref.put("controller", true);
        ref.put("kind", type.kind());
        ref.put("name", Meta.name(owner));
        ref.put("uid", Meta.uid(owner));
        return ref;
    }

    /** {@code obj} with one more reference. */
    public static ObjectNode with(ObjectNode obj, JsonNode ref) {
        ObjectNode next = Meta.newVersion(obj);
        ArrayNode refs = Meta.JSON.arrayNode();
        obj.path("metadata").path("ownerReferences").forEach(refs::add);
        refs.add(ref);
        Meta.metadata(next).set("ownerReferences", refs);
        return next;
    }

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
