package kubetutor.engine.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Where objects live, like etcd behind the API server: keyed by type, namespace and name, listed in
 * key order (namespace, then name: the order kubectl prints), every change a watch event. Stored
 * objects are never mutated in place: writers hand in a new tree, readers must not modify what they
 * get.
 */
public final class ApiStore {
    private final Map<ResourceType, NavigableMap<String, ObjectNode>> objects = new HashMap<>();
    private final List<Consumer<WatchEvent>> watchers = new ArrayList<>();
    private long resourceVersion = 1000;

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    private NavigableMap<String, ObjectNode> table(ResourceType type) {
        return objects.computeIfAbsent(type, t -> new TreeMap<>());
    }

    public ObjectNode get(ResourceType type, String namespace, String name) {
        return table(type).get(key(type.namespaced() ? namespace : "", name));
    }

    /** Objects of a type in a namespace (all namespaces when {@code namespace} is null), in list order. */
    public List<ObjectNode> list(ResourceType type, String namespace) {
        NavigableMap<String, ObjectNode> t = table(type);
        if (namespace == null || !type.namespaced()) {
            return new ArrayList<>(t.values());
        }
        return new ArrayList<>(t.subMap(namespace + "/", true, namespace + "0", false).values());
    }

    public int count(ResourceType type) {
        return table(type).size();
    }

    public String nextResourceVersion() {
        return Long.toString(++resourceVersion);
    }

    /** Stores a new object (already admitted), and tells the watchers. */
    public void insert(ResourceType type, ObjectNode obj) {
        table(type).put(key(type.namespaced() ? Meta.namespace(obj) : "", Meta.name(obj)), obj);
        notify(new WatchEvent(WatchEvent.Type.ADDED, type, obj));
    }

    /** Replaces a stored object with a new version, and tells the watchers. */
    public void replace(ResourceType type, ObjectNode obj) {
        table(type).put(key(type.namespaced() ? Meta.namespace(obj) : "", Meta.name(obj)), obj);
        notify(new WatchEvent(WatchEvent.Type.MODIFIED, type, obj));
    }

    public ObjectNode remove(ResourceType type, String namespace, String name) {
        ObjectNode gone = table(type).remove(key(type.namespaced() ? namespace : "", name));
        if (gone != null) {
            notify(new WatchEvent(WatchEvent.Type.DELETED, type, gone));
        }
        return gone;
    }


    /** Follows every change from now on; returns a handle that stops it. */
    public Runnable watch(Consumer<WatchEvent> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    private void notify(WatchEvent event) {
        for (Consumer<WatchEvent> w : List.copyOf(watchers)) {
            w.accept(event);
        }
    }
}
