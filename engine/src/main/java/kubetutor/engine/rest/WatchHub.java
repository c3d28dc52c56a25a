package kubetutor.engine.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.WatchEvent;
import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.selector.FieldSelector;
import kubetutor.engine.selector.LabelSelector;
import kubetutor.engine.selector.SelectorSyntaxException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The watches of one cluster: each client's stream of {"type":..., "object":...} lines. A watch
 * starts from the resourceVersion its client listed at, so the hub keeps the last events (as the
 * API server's watch cache does) and answers 410 Gone for a version older than those. Everything
 * here runs on the engine's thread; {@code out} must hand lines to the transport's own thread.
 */
public final class WatchHub {
    /** How many past events a watch can start from: a window, as the watch cache's is. */
    static final int WINDOW = 1000;

    private record Past(long version, WatchEvent event) {}

    /** One open watch: what it follows and where its lines go. */
    private record Subscription(ResourceType type, String namespace, LabelSelector labels, FieldSelector fields,
                                boolean table, String includeObject, boolean bookmarks, Consumer<String> out) {}

    /** An open watch, as its transport holds it; both run on the engine's thread. */
    public interface Watch {
        /** Sends a BOOKMARK with the current resourceVersion, if the client allowed bookmarks. */
        void bookmark();

        void close();
    }

    private final Cluster cluster;
    private final Deque<Past> past = new ArrayDeque<>();
    private final List<Subscription> open = new ArrayList<>();
    private final Runnable stop;
    private long oldest;

    public WatchHub(Cluster cluster) {
        this.cluster = cluster;
        ApiStore store = cluster.store();
        this.oldest = store.resourceVersion();
        this.stop = store.watch(this::record);
    }

    public Cluster cluster() {
        return cluster;
    }

    /** Stops following the cluster (it was replaced: reset, load); open watches just end. */
    public void close() {
        stop.run();
        open.clear();
    }

    /**
     * Opens the watch a GET ?watch=true asks for, sending the events since its resourceVersion at
     * once. Returns the handle that ends it, or the error response (nothing opened).
     */
    public Optional<RestResponse> open(RestRequest r, Consumer<String> out, Consumer<Watch> opened) {
        try {
            ApiPath p = ApiPath.parse(r.path()).filter(x -> x.type() != null && x.subresource() == null)
                    .orElseThrow(() -> new ApiException(ApiException.Reason.NotFound, "the server could not find the requested resource"));
            LabelSelector labels = LabelSelector.parse(r.param("labelSelector") == null ? "" : r.param("labelSelector"));
            FieldSelector fields = RestApi.fieldSelector(p.type(), p.name() != null ? "metadata.name=" + p.name()
                    : r.param("fieldSelector"));
            Subscription s = new Subscription(p.type(), p.namespace(), labels, fields, r.wantsTable(),
                    r.param("includeObject"), r.flag("allowWatchBookmarks"), out);
            String from = r.param("resourceVersion");
            if (from != null && !from.isEmpty() && !from.equals("0")) {
                long since;
                try {
                    since = Long.parseLong(from);
                } catch (NumberFormatException e) {
                    throw new ApiException(ApiException.Reason.BadRequest, "invalid resource version: " + from);
                }
                if (since < oldest) {
                    return Optional.of(RestResponse.failure(410, "Expired", "too old resource version: " + since + " (" + oldest + ")"));
                }
                for (Past e : past) {
                    if (e.version() > since) {
                        send(s, e.event());
                    }
                }
            } else {
                // No version: the current state first, as ADDED events.
                for (ObjectNode o : cluster.store().list(p.type(), p.namespace())) {
                    send(s, new WatchEvent(WatchEvent.Type.ADDED, p.type(), o, null));
                }
                if (r.flag("sendInitialEvents")) {
                    // A streaming list's end, marked as the watch cache marks it.
                    bookmark(s, true);
                }
            }
            open.add(s);
            opened.accept(new Watch() {
                @Override
                public void bookmark() {
                    WatchHub.this.bookmark(s, false);
                }

                @Override
                public void close() {
                    open.remove(s);
                }
            });
            return Optional.empty();
        } catch (ApiException e) {
            return Optional.of(RestResponse.json(e.reason().code, StatusBodies.failure(e).toString()));
        } catch (SelectorSyntaxException e) {
            ApiException bad = new ApiException(ApiException.Reason.BadRequest, e.getMessage());
            return Optional.of(RestResponse.json(400, StatusBodies.failure(bad).toString()));
        }
    }

    private void record(WatchEvent e) {
        long version = cluster.store().resourceVersion();
        past.addLast(new Past(version, e));
        while (past.size() > WINDOW) {
            oldest = past.removeFirst().version();
        }
        for (Subscription s : List.copyOf(open)) {
            send(s, e);
        }
    }

    /**
     * Sends {@code e} as the watch sees it: a change that makes an object match the watch's
     * selectors is ADDED, one that makes it stop matching is DELETED (the version it had, at the
     * new resourceVersion), as the watch cache filters updates.
     */
    private void send(Subscription s, WatchEvent e) {
        if (e.resource() != s.type() || (s.namespace() != null && !s.namespace().equals(Meta.namespace(e.object())))) {
            return;
        }
        boolean now = matches(s, e.object());
        boolean before = e.type() == WatchEvent.Type.MODIFIED && e.old() != null && matches(s, e.old());
        if (e.type() != WatchEvent.Type.MODIFIED) {
            if (now) {
                emit(s, e.type().name(), e.object());
            }
        } else if (now) {
            emit(s, before ? "MODIFIED" : "ADDED", e.object());
        } else if (before) {
            ObjectNode last = e.old().deepCopy();
            Meta.metadata(last).put("resourceVersion", e.object().path("metadata").path("resourceVersion").asText());
            emit(s, "DELETED", last);
        }
    }

    private static boolean matches(Subscription s, ObjectNode o) {
        return s.labels().matches(Meta.labels(o)) && s.fields().matches(o);
    }

    private void emit(Subscription s, String type, ObjectNode object) {
        ObjectNode line = Meta.JSON.objectNode();
        line.put("type", type);
        line.set("object", s.table()
                ? Tables.of(s.type(), List.of(object), cluster.sim().now(), Long.toString(cluster.store().resourceVersion()),
                s.includeObject(), true)
                : object);
        s.out().accept(line.toString() + "\n");
    }

    /** A BOOKMARK: an object of the watched kind holding only the resourceVersion the client has seen up to. */
    private void bookmark(Subscription s, boolean initialEventsEnd) {
        if (!s.bookmarks()) {
            return;
        }
        ObjectNode object = Meta.JSON.objectNode();
        object.put("kind", s.type().kind());
        object.put("apiVersion", s.type().apiVersion());
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("resourceVersion", Long.toString(cluster.store().resourceVersion()));
        if (initialEventsEnd) {
            metadata.putObject("annotations").put("k8s.io/initial-events-end", "true");
        }
        ObjectNode line = Meta.JSON.objectNode();
        line.put("type", "BOOKMARK");
        line.set("object", object);
        s.out().accept(line.toString() + "\n");
    }
}
