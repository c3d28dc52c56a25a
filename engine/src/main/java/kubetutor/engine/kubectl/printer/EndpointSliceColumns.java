package kubetutor.engine.kubectl.printer;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.output.Cell;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * get endpointslices (printers.go printEndpointSlice): the address type, then the first three
 * ports and addresses with a count of the rest, {@code <unset>} for none; every address counts,
 * ready or not. No -o wide columns.
 */
final class EndpointSliceColumns {
    static final Columns COLUMNS = TableColumns.def(List.of("NAME", "ADDRESSTYPE", "PORTS", "ENDPOINTS", "AGE"), List.of(),
            EndpointSliceColumns::row);

    private static final int MAX = 3;

    private EndpointSliceColumns() {}

    private static List<Cell> row(JsonNode slice, Instant now) {
        return List.of(Cell.plain(Meta.name(slice)), Cell.plain(slice.path("addressType").asText("")),
                Cell.plain(ports(slice.path("ports"))), Cell.plain(addresses(slice.path("endpoints"))),
                Cell.plain(Age.since(Meta.creationTime(slice), now)));
    }

    /** A port without a number shows its name, or "*" (all ports) without either. */
    static String ports(JsonNode ports) {
        List<String> all = new ArrayList<>();
        for (JsonNode p : ports) {
            all.add(p.has("port") ? p.path("port").asText() : p.has("name") ? p.path("name").asText() : "*");
        }
        return firstWithMore(all);
    }

    static String addresses(JsonNode endpoints) {
        List<String> all = new ArrayList<>();
        for (JsonNode ep : endpoints) {
            ep.path("addresses").forEach(a -> all.add(a.asText()));
        }
        return firstWithMore(all);
    }

    private static String firstWithMore(List<String> all) {
        if (all.isEmpty()) {
            return "<unset>";
        }
        String shown = String.join(",", all.subList(0, Math.min(MAX, all.size())));
        return all.size() > MAX ? shown + " + " + (all.size() - MAX) + " more..." : shown;
    }
}
