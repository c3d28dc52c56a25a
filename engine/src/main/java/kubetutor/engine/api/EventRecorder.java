package kubetutor.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * Records events about objects as Kubernetes components do. Each goes through client-go's
 * {@link EventCorrelator} first; an event that repeats (same object, source, type, reason and
 * message) bumps the count and the last timestamp of the existing one instead of adding another;
 * events expire after the API server's event-ttl of one hour.
 */
public final class EventRecorder {
    private static final Duration TTL = Duration.ofHours(1);

    private final ApiServer api;
    private final Simulation sim;
    private final EventCorrelator correlator = new EventCorrelator();
    /** The events written or about to be, by key: their name and how often they happened. */
    private final Map<EventCorrelator.Key, Observed> seen = EventCorrelator.lru();
    private long sequence;

    public EventRecorder(ApiServer api, Simulation sim) {
        this.api = api;
        this.sim = sim;
    }

    public record Source(String component, String host) {
        public static final Source SCHEDULER = new Source("default-scheduler", "");
        public static final Source NODE_CONTROLLER = new Source("node-controller", "");

        public static Source kubelet(String node) {
            return new Source("kubelet", node);
        }
    }

    private static final class Observed {
        String name;
        int count;
    }

    public void normal(JsonNode about, ResourceType type, String fieldPath, Source source, String reason, String message) {
        record(about, type, fieldPath, source, "Normal", reason, message);
    }

    public void warning(JsonNode about, ResourceType type, String fieldPath, Source source, String reason, String message) {
        record(about, type, fieldPath, source, "Warning", reason, message);
    }

    public void record(JsonNode about, ResourceType type, String fieldPath, Source source, String eventType,
                       String reason, String message) {
        String namespace = type.namespaced() ? Meta.namespace(about) : "default";
        Instant now = sim.now();
        EventCorrelator.Result r = correlator.correlate(Meta.uid(about), fieldPath == null ? "" : fieldPath, source,
                eventType, reason, message, now);
        Observed observed = seen.computeIfAbsent(r.key(), k -> new Observed());
        observed.count++;
        if (r.dropped()) {
            return;
        }
        message = r.message();
        if (observed.name != null) {
            ObjectNode existing = api.store().get(ResourceTypes.EVENT, namespace, observed.name);
            if (existing != null) {
                ObjectNode updated = Meta.newVersion(existing);
                updated.put("count", observed.count);
                updated.put("lastTimestamp", Meta.timestamp(now));
                updated.put("message", message);
                api.update(ResourceTypes.EVENT, updated);
                return;
            }
        }
        // client-go names an event after its object and the time in nanoseconds, in hex.
        String name = Meta.name(about) + "." + HexFormat.of().toHexDigits(now.getEpochSecond() * 1_000_000_000L + (sequence++));
        String stamp = Meta.timestamp(now);
        ObjectNode ev = Meta.JSON.objectNode();
        ev.put("apiVersion", "v1");
        ev.put("kind", "Event");
        ObjectNode meta = ev.putObject("metadata");
        meta.put("name", name);
        meta.put("namespace", namespace);
        ObjectNode involved = ev.putObject("involvedObject");
        involved.put("apiVersion", type.apiVersion());
        involved.put("kind", type.kind());
        involved.put("name", Meta.name(about));
        if (type.namespaced()) {
            involved.put("namespace", Meta.namespace(about));
        }
        involved.put("uid", Meta.uid(about));
        if (fieldPath != null) {
            involved.put("fieldPath", fieldPath);
        }
        ev.put("reason", reason);
        ev.put("message", message);
        ObjectNode src = ev.putObject("source");
        src.put("component", source.component());
        if (!source.host().isEmpty()) {
            src.put("host", source.host());
        }
        ev.put("firstTimestamp", stamp);
        ev.put("lastTimestamp", stamp);
        ev.put("count", observed.count);
        ev.put("type", eventType);
        ev.putNull("eventTime");
        ev.put("reportingComponent", source.component());
        ev.put("reportingInstance", source.host());
        try {
            api.create(ResourceTypes.EVENT, ev);
        } catch (ApiException refused) {
            // A namespace being deleted takes no new content: the component drops the event, as client-go does.
            return;
        }
        observed.name = name;
        EventCorrelator.Key key = r.key();
        sim.after(TTL, () -> expire(namespace, name, key));
    }

    private void expire(String namespace, String name, EventCorrelator.Key key) {
        ObjectNode ev = api.store().get(ResourceTypes.EVENT, namespace, name);
        if (ev == null) {
            return;
        }
        Instant last = Instant.parse(ev.path("lastTimestamp").asText());
        if (last.plus(TTL).isAfter(sim.now())) {
            sim.at(last.plus(TTL), () -> expire(namespace, name, key));
            return;
        }
        api.delete(ResourceTypes.EVENT, namespace, name, DeleteOptions.DEFAULT);
        seen.remove(key);
    }
}
