package kubetutor.engine.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.WatchEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared informers of a control plane (client-go's SharedInformerFactory): one watch on the
 * store, handed out by type to the handlers that asked for it, and listers that read the store.
 * The store is the informers' cache here: an object a controller just wrote is visible at once,
 * which is why the controllers need no expectations.
 */
public final class Informers {
    private final ApiStore store;
    private final Map<ResourceType, List<EventHandler>> handlers = new HashMap<>();

    public Informers(ApiStore store) {
        this.store = store;
        store.watch(this::dispatch);
    }

    /** What a controller does when objects of a type change: in the canonical shape, only enqueue keys. */
    public interface EventHandler {
        default void added(ObjectNode obj) {}

        default void updated(ObjectNode old, ObjectNode obj) {}

        /** The object's last version. */
        default void deleted(ObjectNode obj) {}
    }

    /** A handler that only enqueues the object's key, whatever happened to it (the sync sees what is left). */
    public static EventHandler enqueueing(WorkQueue<String> queue) {
        return new EventHandler() {
            @Override
            public void added(ObjectNode obj) {
                queue.add(Keys.of(obj));
            }

            @Override
            public void updated(ObjectNode old, ObjectNode obj) {
                queue.add(Keys.of(obj));
            }

            @Override
            public void deleted(ObjectNode obj) {
                queue.add(Keys.of(obj));
            }
        };
    }

    /** Registers {@code handler} for every later change to objects of {@code type}. */
    public void on(ResourceType type, EventHandler handler) {
        handlers.computeIfAbsent(type, t -> new ArrayList<>()).add(handler);
    }

    public ApiStore store() {
        return store;
    }

    private void dispatch(WatchEvent e) {
        List<EventHandler> list = handlers.get(e.resource());
        if (list == null) {
            return;
        }
        for (EventHandler h : list) {
            switch (e.type()) {
                case ADDED -> h.added(e.object());
                case MODIFIED -> h.updated(e.old(), e.object());
                case DELETED -> h.deleted(e.object());
            }
        }
    }
}
