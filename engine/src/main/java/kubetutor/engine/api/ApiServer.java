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
    private static final Set<String> GENERATION_KINDS = Set.of("Deployment", "ReplicaSet", "ReplicationController",
            "DaemonSet", "EndpointSlice");
    /** Kinds whose status only the status subresource writes: an update of the object keeps the stored status. */
    private static final Set<String> STATUS_SUBRESOURCE = Set.of("Pod", "ReplicationController", "ReplicaSet",
            "Deployment", "DaemonSet", "Service", "Node", "Namespace");
    /** What a client sets, in ObjectMeta's order after the server's own fields. */
    private static final List<String> USER_METADATA_FIRST = List.of("labels", "annotations", "ownerReferences", "finalizers");
    /**
     * Kinds whose status strategy takes the request's annotations along with its status (apps'
     * deploymentStatusStrategy resets only spec and labels): the deployment controller records the
     * deployment's revision annotation through the status subresource.
     */
    private static final Set<String> STATUS_WRITES_ANNOTATIONS = Set.of("Deployment");
    /** Metadata a client cannot set on create: the server's own, or nothing at all (selfLink, managedFields). */
    private static final Set<String> SERVER_METADATA = Set.of("uid", "resourceVersion", "generation", "creationTimestamp",
            "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink", "managedFields");

    private final ApiStore store;
    private final Simulation sim;
    private final Ids ids;
    private Admission admission = Admission.NONE;
    private Allocations allocations = Allocations.NONE;

    public ApiServer(ApiStore store, Simulation sim, Ids ids) {
        this.store = store;
        this.sim = sim;
        this.ids = ids;
    }

    public void setAdmission(Admission admission) {
        this.admission = admission;
    }

    public void setAllocations(Allocations allocations) {
        this.allocations = allocations;
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

    /**
     * What a generation counts changes of: the spec, or for an EndpointSlice (which has none) every
     * field but its metadata, as its registry strategy compares.
     */
    private static JsonNode generationSource(ResourceType type, ObjectNode obj) {
        if (!type.kind().equals("EndpointSlice")) {
            return obj.get("spec");
        }
        ObjectNode rest = obj.deepCopy();
        rest.remove("metadata");
        return rest;
    }

    /** Creates an object; {@code obj} is not kept (a copy is). Returns the stored object. */
    public ObjectNode create(ResourceType type, ObjectNode obj) {
        return create(type, obj, false);
    }

    public ObjectNode create(ResourceType type, ObjectNode input, boolean dryRun) {
        RequestSize.check(input);
        ObjectNode obj = input.deepCopy();
        admission.decode(type, obj);
        ObjectNode meta = Meta.metadata(obj);
        if (type.namespaced()) {
            NamespaceLifecycle.admitCreate(store, type, meta);
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
        allocations.create(type, obj);
        admission.validateCreate(type, obj);
        String name = Meta.name(obj);
        if (store.get(type, Meta.namespace(obj), name) != null) {
            throw ApiException.alreadyExists(type, name);
        }
        ObjectNode stored = withServerMetadata(type, obj, dryRun);
        if (!dryRun) {
            store.insert(type, stored);
        }
        return stored;
    }

    /**
     * Puts the fields the server owns in their struct order: name, generateName, namespace, uid, ...
     * A dry run gets no resourceVersion (the storage never wrote it), and takes none from the counter.
     */
    private ObjectNode withServerMetadata(ResourceType type, ObjectNode obj, boolean dryRun) {
        ObjectNode in = Meta.metadata(obj);
        ObjectNode meta = Meta.JSON.objectNode();
        copy(in, meta, "name");
        copy(in, meta, "generateName");
        copy(in, meta, "namespace");
        meta.put("uid", ids.uid(type.kind()));
        if (!dryRun) {
            meta.put("resourceVersion", store.nextResourceVersion());
        }
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
     * resourceVersion, and the generation when the spec changed. A version that carries a
     * resourceVersion must carry the stored one: otherwise someone wrote in between (409 Conflict).
     * The status is the status subresource's: an update keeps the stored one. An update that takes
     * the last finalizer off an object being deleted completes the deletion.
     */
    public ObjectNode update(ResourceType type, ObjectNode next) {
        return update(type, next, false);
    }

    public ObjectNode update(ResourceType type, ObjectNode next, boolean dryRun) {
        RequestSize.check(next);
        ObjectNode current = get(type, Meta.namespace(next), Meta.name(next));
        checkVersion(type, current, next);
        if (STATUS_SUBRESOURCE.contains(type.kind())) {
            if (current.has("status")) {
                next.set("status", current.get("status"));
            } else {
                next.remove("status");
            }
        }
        keepServerFields(current, next);
        admission.defaults(type, next);
        allocations.update(type, current, next);
        admission.validateUpdate(type, current, next);
        ObjectNode meta = Meta.metadata(next);
        if (Meta.isTerminating(current)) {
            meta.set("deletionTimestamp", current.path("metadata").get("deletionTimestamp"));
            meta.set("deletionGracePeriodSeconds", current.path("metadata").get("deletionGracePeriodSeconds"));
        }
        if (GENERATION_KINDS.contains(type.kind()) && !Objects.equals(generationSource(type, current), generationSource(type, next))) {
            meta.put("generation", current.path("metadata").path("generation").asLong(1) + 1);
        }
        if (dryRun) {
            return next;
        }
        meta.put("resourceVersion", current.path("metadata").path("resourceVersion").asText());
        if (next.equals(current)) {
            return current; // the API server writes nothing for an update that changes nothing: no new resourceVersion
        }
        meta.put("resourceVersion", store.nextResourceVersion());
        if (Meta.isTerminating(next) && next.path("metadata").path("finalizers").isEmpty()
                && next.path("metadata").path("deletionGracePeriodSeconds").asLong(0) == 0) {
            store.remove(type, Meta.namespace(next), Meta.name(next));
            return next;
        }
        store.replace(type, next);
        return next;
    }

    /**
     * rest.BeforeUpdate: an update without a uid keeps the stored one, and the creation time and
     * generation are the stored ones whatever the update says (kubectl replace -f of a manifest carries neither).
     */
    private static void keepServerFields(ObjectNode current, ObjectNode next) {
        ObjectNode meta = Meta.metadata(next);
        JsonNode was = current.path("metadata");
        if (meta.path("uid").asText("").isEmpty() && was.has("uid")) {
            meta.set("uid", was.get("uid"));
        }
        if (was.has("creationTimestamp")) {
            meta.set("creationTimestamp", was.get("creationTimestamp"));
        }
        if (was.has("generation")) {
            meta.set("generation", was.get("generation")); // the spec's change, if any, bumps it below
        } else {
            meta.remove("generation");
        }
    }

    /**
     * The status subresource: only the status of {@code next} is taken (and, for a Deployment, its
     * annotations); spec and the rest of metadata stay as stored (a controller's status write never
     * undoes a user's spec change made in between).
     */
    public ObjectNode updateStatus(ResourceType type, ObjectNode next) {
        ObjectNode current = get(type, Meta.namespace(next), Meta.name(next));
        checkVersion(type, current, next);
        ObjectNode stored = Meta.newVersion(current);
        if (next.has("status")) {
            stored.set("status", next.get("status"));
        } else {
            stored.remove("status");
        }
        if (STATUS_WRITES_ANNOTATIONS.contains(type.kind())) {
            stored.set("metadata", withAnnotations(Meta.metadata(stored), next.path("metadata").get("annotations")));
        }
        Meta.metadata(stored).put("resourceVersion", store.nextResourceVersion());
        store.replace(type, stored);
        return stored;
    }

    /** {@code meta} with {@code annotations} (none when empty) where ObjectMeta has them: before the owner references. */
    private static ObjectNode withAnnotations(ObjectNode meta, JsonNode annotations) {
        boolean keep = annotations != null && !annotations.isEmpty();
        ObjectNode out = Meta.JSON.objectNode();
        boolean placed = false;
        for (var it = meta.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equals("annotations")) {
                continue;
            }
            if (keep && !placed && List.of("ownerReferences", "finalizers", "managedFields").contains(e.getKey())) {
                out.set("annotations", annotations);
                placed = true;
            }
            out.set(e.getKey(), e.getValue());
        }
        if (keep && !placed) {
            out.set("annotations", annotations);
        }
        return out;
    }

    /**
     * The binding subresource: the scheduler sets a pod's node (and its PodScheduled condition),
     * which no update may do, since a pod's spec is otherwise fixed.
     */
    public ObjectNode bind(ObjectNode pod) {
        ObjectNode current = get(ResourceTypes.POD, Meta.namespace(pod), Meta.name(pod));
        checkVersion(ResourceTypes.POD, current, pod);
        if (!current.path("spec").path("nodeName").asText("").isEmpty()) {
            throw new ApiException(ApiException.Reason.Conflict, "Operation cannot be fulfilled on pods/binding \""
                    + Meta.name(pod) + "\": pod " + Meta.name(pod) + " is already assigned to node \""
                    + current.path("spec").path("nodeName").asText() + "\"");
        }
        ObjectNode stored = Meta.newVersion(current);
        stored.set("spec", pod.get("spec"));
        stored.set("status", pod.get("status"));
        Meta.metadata(stored).put("resourceVersion", store.nextResourceVersion());
        store.replace(ResourceTypes.POD, stored);
        return stored;
    }

    /** The scale subresource of a workload: sets spec.replicas, as {@code kubectl scale} does through it. */
    public ObjectNode scale(ResourceType type, String namespace, String name, long replicas, String resourceVersion,
                            boolean dryRun) {
        ObjectNode current = get(type, namespace, name);
        if (!current.path("spec").has("replicas")) {
            throw new ApiException(ApiException.Reason.NotFound, "the server could not find the requested resource");
        }
        ObjectNode next = Meta.newVersion(current);
        if (resourceVersion != null) {
            Meta.metadata(next).put("resourceVersion", resourceVersion);
        }
        next.set("spec", Meta.shallowCopy((ObjectNode) current.get("spec")).put("replicas", replicas));
        return update(type, next, dryRun);
    }

    private static void checkVersion(ResourceType type, ObjectNode current, ObjectNode next) {
        String expected = next.path("metadata").path("resourceVersion").asText("");
        if (!expected.isEmpty() && !expected.equals(current.path("metadata").path("resourceVersion").asText())) {
            throw conflict(type, Meta.name(current), "the object has been modified; please apply your changes to the"
                    + " latest version and try again");
        }
    }

    private static ApiException conflict(ResourceType type, String name, String why) {
        return new ApiException(ApiException.Reason.Conflict, "Operation cannot be fulfilled on " + type.qualifiedPlural()
                + " \"" + name + "\": " + why);
    }

    /**
     * Deletes an object. Pods that run on a node are deleted gracefully: they get a deletionTimestamp
     * and the kubelet removes them once their containers stop (or the grace period ends). Objects with
     * finalizers (a namespace; an owner deleted with Orphan or Foreground propagation) wait for their
     * controller to take the finalizer off. Others go at once.
     *
     * @return the object as it is after the call (terminating), or the removed one
     */
    public ObjectNode delete(ResourceType type, String namespace, String name, DeleteOptions options) {
        ObjectNode current = get(type, namespace, name);
        NamespaceLifecycle.admitDelete(type, name);
        DeleteOptions.Preconditions pre = options.preconditions();
        if (pre != null && pre.uid() != null && !pre.uid().equals(Meta.uid(current))) {
            throw conflict(type, name, "Precondition failed: UID in precondition: " + pre.uid()
                    + ", UID in object meta: " + Meta.uid(current));
        }
        if (pre != null && pre.resourceVersion() != null
                && !pre.resourceVersion().equals(current.path("metadata").path("resourceVersion").asText())) {
            throw conflict(type, name, "Precondition failed: ResourceVersion in precondition: " + pre.resourceVersion()
                    + ", ResourceVersion in object meta: " + current.path("metadata").path("resourceVersion").asText());
        }
        String finalizer = switch (options.propagation() == null ? DeleteOptions.Propagation.Background : options.propagation()) {
            case Orphan -> ORPHAN_FINALIZER;
            case Foreground -> FOREGROUND_FINALIZER;
            case Background -> null;
        };
        long grace = 0;
        if (type == ResourceTypes.POD) {
            grace = options.gracePeriodSeconds() != null ? options.gracePeriodSeconds()
                    : current.path("spec").path("terminationGracePeriodSeconds").asLong(30);
            String phase = current.path("status").path("phase").asText("");
            boolean unbound = current.path("spec").path("nodeName").asText("").isEmpty();
            if (unbound || phase.equals("Succeeded") || phase.equals("Failed")) {
                grace = 0;
            }
        }
        boolean finalizers = current.path("metadata").path("finalizers").size() > 0
                || current.path("spec").path("finalizers").size() > 0 || finalizer != null;
        if (grace == 0 && !finalizers) {
            return options.dryRun() ? current : store.remove(type, namespace, name);
        }
        if (Meta.isTerminating(current)) {
            long remaining = current.path("metadata").path("deletionGracePeriodSeconds").asLong();
            if (grace >= remaining && finalizer == null) {
                return current;
            }
        }
        ObjectNode next = Meta.newVersion(current);
        ObjectNode meta = Meta.metadata(next);
        if (!Meta.isTerminating(current) || grace < current.path("metadata").path("deletionGracePeriodSeconds").asLong()) {
            meta.put("deletionTimestamp", Meta.timestamp(sim.now().plusSeconds(grace)));
            meta.put("deletionGracePeriodSeconds", grace);
        }
        if (finalizer != null) {
            com.fasterxml.jackson.databind.node.ArrayNode list = Meta.JSON.arrayNode();
            current.path("metadata").path("finalizers").forEach(list::add);
            boolean present = false;
            for (JsonNode f : list) {
                present |= f.asText().equals(finalizer);
            }
            if (!present) {
                list.add(finalizer);
            }
            meta.set("finalizers", list);
        }
        if (options.dryRun()) {
            return next;
        }
        meta.put("resourceVersion", store.nextResourceVersion());
        store.replace(type, next);
        return next;
    }

    /** The finalizers the API server adds for Orphan and Foreground propagation; the garbage collector takes them off. */
    public static final String ORPHAN_FINALIZER = "orphan";
    public static final String FOREGROUND_FINALIZER = "foregroundDeletion";

    /**
     * The last step of a graceful delete: the kubelet (or a controller) deletes the object for good,
     * grace period 0. An object that still has finalizers stays until they are taken off.
     */
    public void finalizeRemoval(ResourceType type, String namespace, String name) {
        ObjectNode current = store.get(type, namespace, name);
        if (current == null) {
            return;
        }
        if (current.path("metadata").path("finalizers").isEmpty()) {
            store.remove(type, namespace, name);
            return;
        }
        ObjectNode next = Meta.newVersion(current);
        Meta.metadata(next).put("deletionGracePeriodSeconds", 0).put("resourceVersion", store.nextResourceVersion());
        store.replace(type, next);
    }

}
