package kubetutor.engine.kubectl.printer;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.output.Tabwriter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl events' own table (kubectl/pkg/cmd/events/event_printer.go), not get's: the interval in
 * LAST SEEN, and OBJECT as Kind/name. The header is printed once, also across a watch's lines.
 */
public final class EventRows {
    private final boolean allNamespaces;
    private boolean headerPending;

    public EventRows(boolean allNamespaces, boolean noHeaders) {
        this.allNamespaces = allNamespaces;
        this.headerPending = !noHeaders;
    }

    /** The lines for these events, aligned among themselves as kubectl's tabwriter aligns each flush. */
    public String render(List<? extends JsonNode> events, Instant now) {
        List<List<String>> lines = new ArrayList<>();
        if (headerPending) {
            lines.add(allNamespaces ? List.of("NAMESPACE", "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE")
                    : List.of("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"));
            headerPending = false;
        }
        for (JsonNode e : events) {
            List<String> row = new ArrayList<>();
            if (allNamespaces) {
                row.add(Meta.namespace(e));
            }
            row.add(interval(e, now));
            row.add(e.path("type").asText(""));
            row.add(e.path("reason").asText(""));
            row.add(e.path("involvedObject").path("kind").asText("") + "/" + e.path("involvedObject").path("name").asText(""));
            row.add(e.path("message").asText("").strip());
            lines.add(row);
        }
        return Tabwriter.render(lines);
    }

    /** getInterval: "age", or "age (xN over first)" for a repeated event or a series. */
    static String interval(JsonNode e, Instant now) {
        Instant eventTime = time(e.path("eventTime"));
        String first = eventTime != null ? Age.since(eventTime, now) : Age.since(time(e.path("firstTimestamp")), now);
        JsonNode series = e.path("series");
        if (series.isObject()) {
            return Age.since(time(series.path("lastObservedTime")), now) + " (x" + series.path("count").asInt()
                    + " over " + first + ")";
        }
        if (e.path("count").asInt() > 1) {
            return Age.since(time(e.path("lastTimestamp")), now) + " (x" + e.path("count").asInt() + " over " + first + ")";
        }
        return first;
    }

    /** eventTime: the series' last observation, else the last timestamp, else eventTime (SortableEvents). */
    public static Instant eventTime(JsonNode e) {
        JsonNode series = e.path("series");
        Instant t = series.isObject() ? time(series.path("lastObservedTime")) : time(e.path("lastTimestamp"));
        if (t == null && !series.isObject()) {
            t = time(e.path("eventTime"));
        }
        return t == null ? Instant.EPOCH : t;
    }

    private static Instant time(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Meta.parseTime(node) : null;
    }
}
