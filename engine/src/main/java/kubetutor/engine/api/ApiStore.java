package kubetutor.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Where objects live, like etcd behind the API server: keyed by type, namespace and name, listed in
 * key order (namespace, then name: the order kubectl prints), every change a watch event. Stored
 * objects are never mutated in place: writers hand in a new tree, readers must not modify what they
 * get.
 */
public final class ApiStore {
    private final Map<ResourceType, Table> objects = new HashMap<>();
    /** Replaced, never changed: a watcher that starts or stops while events go out does not disturb the loop. */
    private List<Consumer<WatchEvent>> watchers = List.of();
    private long resourceVersion = 1000;
    /** Dependents by owner uid (every ownerReference, controller or not), kept as objects come and go. */
    private final Map<String, Set<ObjectRef>> dependents = new HashMap<>();
    /** Objects no controller owns, by type, under their "namespace/name" keys: the ones a controller may adopt. */
    private final Map<ResourceType, NavigableSet<String>> orphans = new HashMap<>();

    /** Where an object is stored. */
    public record ObjectRef(ResourceType type, String namespace, String name) {
        public static ObjectRef of(ResourceType type, JsonNode obj) {
            return new ObjectRef(type, type.namespaced() ? Meta.namespace(obj) : "", Meta.name(obj));
        }
    }

    /**
     * One type's objects under their "namespace/name" keys: the keys sorted, for lists; the objects
     * hashed, for gets and for replacing a version (components read and update single objects far
     * more often than anything lists them).
     */
    private static final class Table {
        final NavigableSet<String> keys = new TreeSet<>();
        final Map<String, ObjectNode> byKey = new HashMap<>();

        void put(String key, ObjectNode obj) {
            if (byKey.put(key, obj) == null) {
                keys.add(key);
            }
        }

        ObjectNode remove(String key) {
            keys.remove(key);
            return byKey.remove(key);
        }

        List<ObjectNode> values(Collection<String> inOrder) {
            List<ObjectNode> out = new ArrayList<>(inOrder.size());
            for (String k : inOrder) {
                out.add(byKey.get(k));
            }
            return out;
        }
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    private Table table(ResourceType type) {
        return objects.computeIfAbsent(type, t -> new Table());
    }

    public ObjectNode get(ResourceType type, String namespace, String name) {
        return table(type).byKey.get(key(type.namespaced() ? namespace : "", name));
    }

    /** Objects of a type in a namespace (all namespaces when {@code namespace} is null), in list order. */
    public List<ObjectNode> list(ResourceType type, String namespace) {
        Table t = table(type);
        if (namespace == null || !type.namespaced()) {
            return t.values(t.keys);
        }
        return t.values(t.keys.subSet(namespace + "/", true, namespace + "0", false));
    }

    public int count(ResourceType type) {
        return table(type).byKey.size();
    }

    /** The resourceVersion of the last write: it moves with every object stored, changed or removed. */
    public long resourceVersion() {
        return resourceVersion;
    }

    public String nextResourceVersion() {
        return Long.toString(++resourceVersion);
    }

    /** Stores a new object (already admitted), and tells the watchers. */
    public void insert(ResourceType type, ObjectNode obj) {
        dropEmptyMetadata(obj);
        table(type).put(key(type.namespaced() ? Meta.namespace(obj) : "", Meta.name(obj)), obj);
        index(type, null, obj);
        notify(new WatchEvent(WatchEvent.Type.ADDED, type, obj, null));
    }

    /** Replaces a stored object with a new version, and tells the watchers. */
    public void replace(ResourceType type, ObjectNode obj) {
        dropEmptyMetadata(obj);
        ObjectNode old = table(type).byKey.put(key(type.namespaced() ? Meta.namespace(obj) : "", Meta.name(obj)), obj);
        if (old == null) {
            table(type).keys.add(key(type.namespaced() ? Meta.namespace(obj) : "", Meta.name(obj)));
        }
        index(type, old, obj);
        notify(new WatchEvent(old == null ? WatchEvent.Type.ADDED : WatchEvent.Type.MODIFIED, type, obj, old));
    }

    /**
     * ObjectMeta's maps and lists are omitempty: the stored object is the typed one's JSON, so a
     * write that leaves no label (kubectl label pod x app-) leaves no "labels: {}" either.
     */
    private static void dropEmptyMetadata(ObjectNode obj) {
        if (obj.get("metadata") instanceof ObjectNode meta) {
            for (String field : new String[] {"labels", "annotations", "finalizers", "ownerReferences"}) {
                JsonNode value = meta.get(field);
                if (value != null && (value.isNull() || value.isContainerNode() && value.isEmpty())) {
                    meta.remove(field);
                }
            }
        }
    }

    public ObjectNode remove(ResourceType type, String namespace, String name) {
        ObjectNode gone = table(type).remove(key(type.namespaced() ? namespace : "", name));
        if (gone != null) {
            index(type, gone, null);
            notify(new WatchEvent(WatchEvent.Type.DELETED, type, gone, gone));
        }
        return gone;
    }

    /**
     * The objects that name {@code ownerUid} in their ownerReferences, in the order they came: the
     * garbage collector and the controllers ask this instead of scanning every object.
     */
    public List<ObjectNode> dependents(String ownerUid) {
        Set<ObjectRef> refs = dependents.get(ownerUid);
        if (refs == null) {
            return List.of();
        }
        List<ObjectNode> out = new ArrayList<>(refs.size());
        for (ObjectRef r : refs) {
            out.add(get(r.type(), r.namespace(), r.name()));
        }
        return out;
    }

    /** Objects of a type in a namespace that no controller owns, in list order. */
    public List<ObjectNode> orphans(ResourceType type, String namespace) {
        NavigableSet<String> keys = orphans.get(type);
        if (keys == null) {
            return List.of();
        }
        return table(type).values(keys.subSet(namespace + "/", true, namespace + "0", false));
    }

    private void index(ResourceType type, ObjectNode old, ObjectNode now) {
        boolean wasOrphan = old != null && Meta.controllerRef(old) == null;
        boolean isOrphan = now != null && Meta.controllerRef(now) == null;
        if (wasOrphan != isOrphan) {
            JsonNode obj = now != null ? now : old;
            String key = key(type.namespaced() ? Meta.namespace(obj) : "", Meta.name(obj));
            NavigableSet<String> keys = orphans.computeIfAbsent(type, t -> new TreeSet<>());
            if (isOrphan) {
                keys.add(key);
            } else {
                keys.remove(key);
            }
        }
        JsonNode before = old == null ? null : old.path("metadata").get("ownerReferences");
        JsonNode after = now == null ? null : now.path("metadata").get("ownerReferences");
        if (before == after || before != null && before.equals(after)) {
            return;
        }
        if (before != null) {
            ObjectRef ref = ObjectRef.of(type, old);
            for (JsonNode owner : before) {
                Set<ObjectRef> set = dependents.get(owner.path("uid").asText());
                if (set != null && set.remove(ref) && set.isEmpty()) {
                    dependents.remove(owner.path("uid").asText());
                }
            }
        }
        if (after != null) {
            ObjectRef ref = ObjectRef.of(type, now);
            for (JsonNode owner : after) {
                dependents.computeIfAbsent(owner.path("uid").asText(), u -> new LinkedHashSet<>()).add(ref);
            }
        }
    }

    /** Follows every change from now on; returns a handle that stops it. */
    public Runnable watch(Consumer<WatchEvent> watcher) {
        List<Consumer<WatchEvent>> more = new ArrayList<>(watchers);
        more.add(watcher);
        watchers = List.copyOf(more);
        return () -> {
            List<Consumer<WatchEvent>> fewer = new ArrayList<>(watchers);
            fewer.remove(watcher);
            watchers = List.copyOf(fewer);
        };
    }

    private void notify(WatchEvent event) {
        for (Consumer<WatchEvent> w : watchers) {
            w.accept(event);
        }
    }
}
