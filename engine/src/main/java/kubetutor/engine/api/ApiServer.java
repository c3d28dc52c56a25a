package kubetutor.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.sim.Ids;
import kubetutor.engine.sim.Simulation;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The simulated kube-apiserver: admission (defaults, validation), the metadata the server owns
 * (uid, resourceVersion, generation, creationTimestamp, generateName), namespace rules, and graceful
 * deletion. Components and kubectl both write through it; the store below only keeps objects.
 */
public final class ApiServer {
    /** Kinds whose spec changes bump metadata.generation (pods do not have one in 1.32). */
    private static final Set<String> GENERATION_KINDS = Set.of("Deployment", "ReplicaSet", "ReplicationController");
    /** What a client sets, in ObjectMeta's order after the server's own fields. */
    private static final List<String> USER_METADATA_FIRST = List.of("labels", "annotations", "ownerReferences", "finalizers");
    /** Metadata a client cannot set on create: the server's own, or nothing at all (selfLink, managedFields). */
    private static final Set<String> SERVER_METADATA = Set.of("uid", "resourceVersion", "generation", "creationTimestamp",
            "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink", "managedFields");

    private final ApiStore store;
    private final Simulation sim;
    private final Ids ids;
    private Admission admission = Admission.NONE;

    public ApiServer(ApiStore store, Simulation sim, Ids ids) {
        this.store = store;
        this.sim = sim;
        this.ids = ids;
    }

    public void setAdmission(Admission admission) {
        this.admission = admission;
    }

    public ApiStore store() {
        return store;
    }

    public Admission admission() {
        return admission;
    }

    public ObjectNode get(ResourceType type, String namespace, String name) {
        ObjectNode obj = store.get(type, namespace, name);
        if (obj == null) {
            throw ApiException.notFound(type, name);
        }
        return obj;
    }

    /** Creates an object; {@code obj} is not kept (a copy is). Returns the stored object. */
    public ObjectNode create(ResourceType type, ObjectNode obj) {
        return create(type, obj, false);
    }

    public ObjectNode create(ResourceType type, ObjectNode input, boolean dryRun) {
        ObjectNode obj = input.deepCopy();
        admission.decode(type, obj);
        ObjectNode meta = Meta.metadata(obj);
        if (type.namespaced()) {
            String ns = meta.path("namespace").asText("");
            if (ns.isEmpty()) {
                throw new ApiException(ApiException.Reason.BadRequest, "the namespace of the object is empty");
            }
            ObjectNode namespace = store.get(ResourceTypes.NAMESPACE, "", ns);
            if (namespace == null) {
                throw ApiException.notFound(ResourceTypes.NAMESPACE, ns);
            }
            if (Meta.isTerminating(namespace)) {
                throw new ApiException(ApiException.Reason.Forbidden, type.qualifiedPlural() + " \""
                        + displayName(meta) + "\" is forbidden: unable to create new content in namespace " + ns
                        + " because it is being terminated");
            }
        } else {
            meta.remove("namespace");
        }
        if (meta.path("name").asText("").isEmpty() && meta.has("generateName")) {
            String base = meta.path("generateName").asText();
            if (base.length() > 58) {
                base = base.substring(0, 58);
            }
            String candidate;
            do {
                candidate = base + ids.suffix(5);
            } while (store.get(type, meta.path("namespace").asText(""), candidate) != null);
            meta.put("name", candidate);
        }
        admission.defaults(type, obj);
        admission.validateCreate(type, obj);
        String name = Meta.name(obj);
        if (store.get(type, Meta.namespace(obj), name) != null) {
            throw ApiException.alreadyExists(type, name);
        }
        ObjectNode stored = withServerMetadata(type, obj);
        if (!dryRun) {
            store.insert(type, stored);
        }
        return stored;
    }

    private static String displayName(ObjectNode meta) {
        String n = meta.path("name").asText("");
        return n.isEmpty() ? meta.path("generateName").asText("") : n;
    }

    /** Puts the fields the server owns in their struct order: name, generateName, namespace, uid, ... */
    private ObjectNode withServerMetadata(ResourceType type, ObjectNode obj) {
        ObjectNode in = Meta.metadata(obj);
        ObjectNode meta = Meta.JSON.objectNode();
        copy(in, meta, "name");
        copy(in, meta, "generateName");
        copy(in, meta, "namespace");
        meta.put("uid", ids.uid());
        meta.put("resourceVersion", store.nextResourceVersion());
        if (GENERATION_KINDS.contains(type.kind())) {
            meta.put("generation", 1);
        }
        meta.put("creationTimestamp", Meta.timestamp(sim.now()));
        for (String rest : USER_METADATA_FIRST) {
            copy(in, meta, rest);
        }
        in.fields().forEachRemaining(e -> {
            if (!meta.has(e.getKey()) && !SERVER_METADATA.contains(e.getKey())) {
                meta.set(e.getKey(), e.getValue());
            }
        });
        ObjectNode out = Meta.JSON.objectNode();
        out.put("apiVersion", type.apiVersion());
        out.put("kind", type.kind());
        out.set("metadata", meta);
        obj.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static void copy(ObjectNode from, ObjectNode to, String field) {
        JsonNode v = from.get(field);
        if (v != null && !v.isNull()) {
            to.set(field, v);
        }
    }

    /**
     * Replaces an object with a new version (a controller's or a user's update). Bumps the
     * resourceVersion, and the generation when the spec changed.
     */
    public ObjectNode update(ResourceType type, ObjectNode next) {
        ObjectNode current = get(type, Meta.namespace(next), Meta.name(next));
        admission.defaults(type, next);
        admission.validateUpdate(type, current, next);
        ObjectNode meta = Meta.metadata(next);
        meta.put("resourceVersion", store.nextResourceVersion());
        if (GENERATION_KINDS.contains(type.kind()) && !Objects.equals(current.get("spec"), next.get("spec"))) {
            meta.put("generation", current.path("metadata").path("generation").asLong(1) + 1);
        }
        store.replace(type, next);
        return next;
    }

    /** A status update: only the status may differ; no generation bump. */
    public ObjectNode updateStatus(ResourceType type, ObjectNode next) {
        Meta.metadata(next).put("resourceVersion", store.nextResourceVersion());
        store.replace(type, next);
        return next;
    }

    /**
     * Deletes an object. Pods that run on a node are deleted gracefully: they get a deletionTimestamp
     * and the kubelet removes them once their containers stop (or the grace period ends). Objects with
     * finalizers (a namespace) wait for their controller. Others go at once.
     *
     * @param gracePeriod seconds, or null for the object's own (a pod's terminationGracePeriodSeconds)
     * @return the object as it is after the call (terminating), or the removed one
     */
    public ObjectNode delete(ResourceType type, String namespace, String name, Long gracePeriod) {
        ObjectNode current = get(type, namespace, name);
        if (type == ResourceTypes.POD) {
            long grace = gracePeriod != null ? gracePeriod
                    : current.path("spec").path("terminationGracePeriodSeconds").asLong(30);
            String phase = current.path("status").path("phase").asText("");
            boolean unbound = current.path("spec").path("nodeName").asText("").isEmpty();
            if (grace == 0 || unbound || phase.equals("Succeeded") || phase.equals("Failed")) {
                return store.remove(type, namespace, name);
            }
            if (Meta.isTerminating(current)) {
                long remaining = current.path("metadata").path("deletionGracePeriodSeconds").asLong();
                if (grace >= remaining) {
                    return current;
                }
            }
            ObjectNode next = current.deepCopy();
            ObjectNode meta = Meta.metadata(next);
            meta.put("deletionTimestamp", Meta.timestamp(sim.now().plusSeconds(grace)));
            meta.put("deletionGracePeriodSeconds", grace);
            meta.put("resourceVersion", store.nextResourceVersion());
            store.replace(type, next);
            return next;
        }
        if (current.path("metadata").path("finalizers").size() > 0
                || current.path("spec").path("finalizers").size() > 0) {
            if (Meta.isTerminating(current)) {
                return current;
            }
            ObjectNode next = current.deepCopy();
            ObjectNode meta = Meta.metadata(next);
            meta.put("deletionTimestamp", Meta.timestamp(sim.now()));
            meta.put("deletionGracePeriodSeconds", 0);
            meta.put("resourceVersion", store.nextResourceVersion());
            store.replace(type, next);
            return next;
        }
        return store.remove(type, namespace, name);
    }

    /** The last step of a graceful delete: the kubelet (or a controller) removes the object for good. */
    public void finalizeRemoval(ResourceType type, String namespace, String name) {
        store.remove(type, namespace, name);
    }

}
