package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * describe service's Endpoints line since kubectl 1.31 (formatEndpointSlices): the Service's
 * EndpointSlices, each port of the given name with every ready endpoint, the first {@code max} of
 * them and how many more; {@code <none>} only when there is no slice at all, so a Service whose
 * slice is the controller's empty placeholder shows nothing.
 */
final class SliceEndpoints {
    private SliceEndpoints() {}

    static String format(List<JsonNode> slices, String portName, int max) {
        if (slices.isEmpty()) {
            return "<none>";
        }
        List<String> list = new ArrayList<>();
        boolean more = false;
        int count = 0;
        for (JsonNode slice : slices) {
            boolean headless = slice.path("ports").isEmpty();
            List<JsonNode> ports = new ArrayList<>();
            slice.path("ports").forEach(ports::add);
            if (headless) {
                ports.add(null);
            }
            for (JsonNode port : ports) {
                if (port != null && !port.path("name").asText("").equals(portName)) {
                    continue;
                }
                for (JsonNode e : slice.path("endpoints")) {
                    // kubectl marks the list full before it looks at readiness: a not-ready endpoint past
                    // the first max still adds " + N more..." (N counting ready ones only)
                    if (list.size() == max) {
                        more = true;
                    }
                    if (!e.path("conditions").path("ready").asBoolean(true)) {
                        continue;
                    }
                    if (!more) {
                        String address = e.path("addresses").path(0).asText();
                        list.add(port == null ? address : hostPort(address, port.path("port").asInt()));
                    }
                    count++;
                }
            }
        }
        String joined = String.join(",", list);
        return more ? joined + " + " + (count - max) + " more..." : joined;
    }

    /** Go's net.JoinHostPort: an IPv6 address in brackets. */
    private static String hostPort(String address, int port) {
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
