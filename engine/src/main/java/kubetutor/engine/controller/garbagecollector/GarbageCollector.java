package kubetutor.engine.controller.garbagecollector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.ApiStore.ObjectRef;
import kubetutor.engine.api.DeleteOptions;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.OwnerReferences;
import kubetutor.engine.controller.WorkQueue;

import java.util.Optional;

/**
 * kube-controller-manager's garbage collector: dependents follow their owners (ownerReferences).
 * An object whose owners are all gone is deleted (Background propagation); one that keeps some
 * owner only loses the references to the missing ones. An owner deleted with Orphan propagation
 * (the {@code orphan} finalizer) first has its references taken off its dependents; one deleted
 * with Foreground propagation ({@code foregroundDeletion}) first has its dependents deleted and
 * stays until the blocking ones (blockOwnerDeletion) are gone.
 */
public final class GarbageCollector {
    private final ApiServer api;
    private final ApiStore store;
    private final WorkQueue<ObjectRef> attemptToDelete;
    private final WorkQueue<ObjectRef> owners;

    public GarbageCollector(ControllerContext ctx) {
        this.api = ctx.api();
        this.store = ctx.informers().store();
        this.attemptToDelete = ctx.queue(this::attemptToDelete);
        this.owners = ctx.queue(this::processOwner);
        for (ResourceType type : ResourceTypes.ALL_TYPES) {
            if (type != ResourceTypes.EVENT) {
                ctx.informers().on(type, handler(type));
            }
        }
    }

    private Informers.EventHandler handler(ResourceType type) {
        return new Informers.EventHandler() {
            @Override
            public void added(ObjectNode obj) {
                if (obj.path("metadata").has("ownerReferences")) {
                    attemptToDelete.add(ObjectRef.of(type, obj));
                }
                if (deleting(obj)) {
                    owners.add(ObjectRef.of(type, obj));
                }
            }

            @Override
            public void updated(ObjectNode old, ObjectNode obj) {
                if (!old.path("metadata").path("ownerReferences").equals(obj.path("metadata").path("ownerReferences"))) {
                    attemptToDelete.add(ObjectRef.of(type, obj));
                }
                if (deleting(obj)) {
                    owners.add(ObjectRef.of(type, obj));
                }
            }

            @Override
            public void deleted(ObjectNode obj) {
                for (ObjectNode dependent : store.dependents(Meta.uid(obj))) {
                    attemptToDelete.add(ObjectRef.of(typeOf(dependent), dependent));
                }
                // An owner in foreground deletion waits for this one: look at it again.
                for (JsonNode ref : obj.path("metadata").path("ownerReferences")) {
                    owner(obj, ref).ifPresent(o -> owners.add(ObjectRef.of(typeOf(o), o)));
                }
            }
        };
    }

    private static boolean deleting(JsonNode obj) {
        return Meta.isTerminating(obj) && (hasFinalizer(obj, ApiServer.ORPHAN_FINALIZER)
                || hasFinalizer(obj, ApiServer.FOREGROUND_FINALIZER));
    }

    /** Deletes an object whose owners are all gone, or drops its references to the missing ones. */
    private void attemptToDelete(ObjectRef ref) {
        ObjectNode obj = store.get(ref.type(), ref.namespace(), ref.name());
        if (obj == null || Meta.isTerminating(obj)) {
            return;
        }
        JsonNode refs = obj.path("metadata").path("ownerReferences");
        if (refs.isEmpty()) {
            return;
        }
        ArrayNode kept = Meta.JSON.arrayNode();
        boolean foregroundOwner = false;
        for (JsonNode r : refs) {
            Optional<ObjectNode> owner = owner(obj, r);
            if (owner.isPresent() || ResourceTypes.forKind(r.path("apiVersion").asText(), r.path("kind").asText()).isEmpty()) {
                // A kind this cluster does not serve cannot be looked up: kept, as the real collector keeps it.
                kept.add(r);
                foregroundOwner |= owner.isPresent() && hasFinalizer(owner.get(), ApiServer.FOREGROUND_FINALIZER);
            }
        }
        if (kept.isEmpty()) {
            api.delete(ref.type(), ref.namespace(), ref.name(), DeleteOptions.DEFAULT);
        } else if (foregroundOwner && kept.size() == 1) {
            api.delete(ref.type(), ref.namespace(), ref.name(),
                    DeleteOptions.DEFAULT.withPropagation(DeleteOptions.Propagation.Foreground));
        } else if (kept.size() < refs.size()) {
            ObjectNode next = Meta.newVersion(obj);
            Meta.metadata(next).set("ownerReferences", kept);
            api.update(ref.type(), next);
        }
    }

    /** An owner being deleted with Orphan or Foreground propagation: deal with its dependents, then let it go. */
    private void processOwner(ObjectRef ref) {
        ObjectNode owner = store.get(ref.type(), ref.namespace(), ref.name());
        if (owner == null || !Meta.isTerminating(owner)) {
            return;
        }
        String uid = Meta.uid(owner);
        if (hasFinalizer(owner, ApiServer.ORPHAN_FINALIZER)) {
            for (ObjectNode dependent : store.dependents(uid)) {
                api.update(typeOf(dependent), OwnerReferences.without(dependent, uid));
            }
            removeFinalizer(ref.type(), owner, ApiServer.ORPHAN_FINALIZER);
            return;
        }
        if (hasFinalizer(owner, ApiServer.FOREGROUND_FINALIZER)) {
            boolean blocked = false;
            for (ObjectNode dependent : store.dependents(uid)) {
                if (!Meta.isTerminating(dependent)) {
                    attemptToDelete.add(ObjectRef.of(typeOf(dependent), dependent));
                }
                for (JsonNode r : dependent.path("metadata").path("ownerReferences")) {
                    blocked |= r.path("uid").asText().equals(uid) && r.path("blockOwnerDeletion").asBoolean(false);
                }
            }
            if (!blocked) {
                removeFinalizer(ref.type(), owner, ApiServer.FOREGROUND_FINALIZER);
            }
        }
    }

    private void removeFinalizer(ResourceType type, ObjectNode owner, String finalizer) {
        ObjectNode next = Meta.newVersion(owner);
        ArrayNode rest = Meta.JSON.arrayNode();
        owner.path("metadata").path("finalizers").forEach(f -> {
            if (!f.asText().equals(finalizer)) {
                rest.add(f);
            }
        });
        if (rest.isEmpty()) {
            Meta.metadata(next).remove("finalizers");
        } else {
            Meta.metadata(next).set("finalizers", rest);
        }
        api.update(type, next);
    }

    private static boolean hasFinalizer(JsonNode obj, String finalizer) {
        for (JsonNode f : obj.path("metadata").path("finalizers")) {
            if (f.asText().equals(finalizer)) {
                return true;
            }
        }
        return false;
    }

    /** The live owner a reference names (same kind, name and uid), if there is one. */
    private Optional<ObjectNode> owner(JsonNode dependent, JsonNode ref) {
        return ResourceTypes.forKind(ref.path("apiVersion").asText(), ref.path("kind").asText()).map(type -> {
            ObjectNode o = store.get(type, type.namespaced() ? Meta.namespace(dependent) : "", ref.path("name").asText());
            return o != null && Meta.uid(o).equals(ref.path("uid").asText()) ? o : null;
        });
    }

    private static ResourceType typeOf(JsonNode obj) {
        return ResourceTypes.forKind(obj.path("apiVersion").asText(), obj.path("kind").asText()).orElseThrow();
    }
}
