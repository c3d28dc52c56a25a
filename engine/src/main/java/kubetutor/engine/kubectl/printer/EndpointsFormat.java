package kubetutor.engine.kubectl.printer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * formatEndpoints, shared by get's ENDPOINTS column and describe's Endpoints line: per subset, each
 * port with every ready address, the first {@code max} of them and a count of the rest;
 * {@code <none>} for no subsets, and nothing at all when every address is not ready.
 */
public final class EndpointsFormat {
    private EndpointsFormat() {}

    /** @param portName only this port's entries (describe's per-port line), or null for all ports */
    public static String format(JsonNode ep, String portName, int max) {
        JsonNode subsets = ep == null ? null : ep.path("subsets");
        if (subsets == null || subsets.isEmpty()) {
            return "<none>";
        }
        List<String> list = new ArrayList<>();
        int total = 0;
        for (JsonNode s : subsets) {
            if (s.path("ports").isEmpty()) {
                // a headless Service without ports: bare addresses
                for (JsonNode a : s.path("addresses")) {
                    total++;
                    if (list.size() < max) {
                        list.add(a.path("ip").asText());
                    }
                }
            }
            for (JsonNode p : s.path("ports")) {
                if (portName != null && !p.path("name").asText("").equals(portName)) {
                    continue;
                }
                for (JsonNode a : s.path("addresses")) {
                    total++;
                    if (list.size() < max) {
                        list.add(a.path("ip").asText() + ":" + p.path("port").asInt());
                    }
                }
            }
        }
        return String.join(",", list) + (total > max ? " + " + (total - max) + " more..." : "");
    }
}
