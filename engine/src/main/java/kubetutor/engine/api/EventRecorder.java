package kubetutor.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Records events about objects as Kubernetes components do. Like client-go's event correlator, an
 * event that repeats (same object, source, type, reason and message) bumps the count and the last
 * timestamp of the existing one instead of adding another; events expire after the API server's
 * event-ttl of one hour.
 */
public final class EventRecorder {
    private static final Duration TTL = Duration.ofHours(1);

    private final ApiServer api;
    private final Simulation sim;
    private final Map<Key, String> seen = new HashMap<>();
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

    /** What makes two events the same event, as client-go's correlator compares them. */
    private record Key(String uid, String fieldPath, Source source, String eventType, String reason, String message) {}

    public void normal(JsonNode about, ResourceType type, String fieldPath, Source source, String reason, String message) {
        record(about, type, fieldPath, source, "Normal", reason, message);
    }

    public void warning(JsonNode about, ResourceType type, String fieldPath, Source source, String reason, String message) {
        record(about, type, fieldPath, source, "Warning", reason, message);
    }

    public void record(JsonNode about, ResourceType type, String fieldPath, Source source, String eventType,
                       String reason, String message) {
        String namespace = type.namespaced() ? Meta.namespace(about) : "default";
        Key key = new Key(Meta.uid(about), fieldPath == null ? "" : fieldPath, source, eventType, reason, message);
        Instant now = sim.now();
        String existingName = seen.get(key);
        if (existingName != null) {
            ObjectNode existing = api.store().get(ResourceTypes.EVENT, namespace, existingName);
            if (existing != null) {
                ObjectNode updated = Meta.newVersion(existing);
                updated.put("count", existing.path("count").asInt(1) + 1);
                updated.put("lastTimestamp", Meta.timestamp(now));
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
        ev.put("count", 1);
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
        seen.put(key, name);
        sim.after(TTL, () -> expire(namespace, name, key));
    }

    private void expire(String namespace, String name, Key key) {
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
