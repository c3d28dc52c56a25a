package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.printer.Age;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * describe.go DescribeEvents: the Events table at the end of a describe. kubectl 1.32 prints the
 * event message as is (the "spec.containers{x}: " prefix only came with 1.35) and only the source
 * component in From (never the host).
 */
final class EventsSection {
    private EventsSection() {}

    /** Events about a namespaced object: same namespace, name and uid (kubectl's field selector). */
    static List<JsonNode> about(DescribeContext ctx, JsonNode obj) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode ev : ctx.list(ResourceTypes.EVENT, Meta.namespace(obj))) {
            JsonNode involved = ev.path("involvedObject");
            if (involved.path("name").asText("").equals(Meta.name(obj))
                    && involved.path("uid").asText("").equals(Meta.uid(obj))) {
                out.add(ev);
            }
        }
        return out;
    }

    /** Events about a cluster-scoped object, in any namespace, by kind and name. */
    static List<JsonNode> aboutClusterObject(DescribeContext ctx, String kind, String name) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode ev : ctx.list(ResourceTypes.EVENT, null)) {
            JsonNode involved = ev.path("involvedObject");
            if (involved.path("kind").asText("").equals(kind) && involved.path("name").asText("").equals(name)) {
                out.add(ev);
            }
        }
        return out;
    }

    static void write(DescribeWriter w, List<JsonNode> events, Instant now) {
        if (events.isEmpty()) {
            w.write(0, "Events:\t<none>\n");
            return;
        }
        List<JsonNode> sorted = new ArrayList<>(events);
        // kubectl sorts by last timestamp; the sort is stable for the short lists describe shows.
        sorted.sort(Comparator.comparing(e -> last(e)));
        w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
        w.write(1, "----\t------\t----\t----\t-------\n");
        for (JsonNode e : sorted) {
            String first = Age.since(Meta.parseTime(e.get("firstTimestamp")), now);
            int count = e.path("count").asInt(1);
            String interval = count > 1
                    ? Age.since(Meta.parseTime(e.get("lastTimestamp")), now) + " (x" + count + " over " + first + ")"
                    : first;
            String source = e.path("source").path("component").asText("");
            if (source.isEmpty()) {
                source = e.path("reportingComponent").asText("");
            }
            w.write(1, e.path("type").asText("") + "\t" + e.path("reason").asText("") + "\t" + interval + "\t"
                    + source + "\t" + e.path("message").asText("").strip() + "\n");
        }
    }

    private static Instant last(JsonNode e) {
        Instant t = Meta.parseTime(e.get("lastTimestamp"));
        return t == null ? Instant.EPOCH : t;
    }
}
