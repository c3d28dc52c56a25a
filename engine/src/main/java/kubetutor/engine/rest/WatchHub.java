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
                                boolean table, String includeObject, Consumer<String> out) {}

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
    public Optional<RestResponse> open(RestRequest r, Consumer<String> out, List<Runnable> handle) {
        try {
            ApiPath p = ApiPath.parse(r.path()).filter(x -> x.type() != null && x.subresource() == null)
                    .orElseThrow(() -> new ApiException(ApiException.Reason.NotFound, "the server could not find the requested resource"));
            LabelSelector labels = LabelSelector.parse(r.param("labelSelector") == null ? "" : r.param("labelSelector"));
            FieldSelector fields = RestApi.fieldSelector(p.type(), p.name() != null ? "metadata.name=" + p.name()
                    : r.param("fieldSelector"));
            Subscription s = new Subscription(p.type(), p.namespace(), labels, fields, r.wantsTable(),
                    r.param("includeObject"), out);
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
            }
            open.add(s);
            handle.add(() -> open.remove(s));
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

    private void send(Subscription s, WatchEvent e) {
        if (e.resource() != s.type() || (s.namespace() != null && !s.namespace().equals(Meta.namespace(e.object())))
                || !s.labels().matches(Meta.labels(e.object())) || !s.fields().matches(e.object())) {
            return;
        }
        ObjectNode line = Meta.JSON.objectNode();
        line.put("type", e.type().name());
        line.set("object", s.table()
                ? Tables.of(s.type(), List.of(e.object()), cluster.sim().now(), Long.toString(cluster.store().resourceVersion()),
                s.includeObject(), true)
                : e.object());
        s.out().accept(line.toString() + "\n");
    }
}
