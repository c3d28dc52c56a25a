package kubetutor.engine.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.ResourceTypes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ready addresses of a Service's Endpoints object, per port name, as kube-proxy builds its
 * rules from them: subsets[].addresses only (notReadyAddresses never receive traffic), each with
 * the port of the same name as the Service port. Parsed once per resourceVersion.
 */
final class ReadyEndpoints {
    /** One destination: a ready address and the port that the Service port maps to there. */
    record Target(String ip, int port) {}

    private record Parsed(String resourceVersion, Map<String, List<Target>> byPortName) {}

    private final ApiStore store;
    private final Map<String, Parsed> cache = new HashMap<>();

    ReadyEndpoints(ApiStore store) {
        this.store = store;
    }

    /** The ready targets for the Service port named {@code portName} ("" for an unnamed port). */
    List<Target> of(String namespace, String name, String portName) {
        ObjectNode ep = store.get(ResourceTypes.ENDPOINTS, namespace, name);
        if (ep == null) {
            cache.remove(namespace + "/" + name);
            return List.of();
        }
        String rv = ep.path("metadata").path("resourceVersion").asText("");
        Parsed p = cache.get(namespace + "/" + name);
        if (p == null || !p.resourceVersion().equals(rv)) {
            p = new Parsed(rv, parse(ep));
            cache.put(namespace + "/" + name, p);
        }
        return p.byPortName().getOrDefault(portName, List.of());
    }

    /** Every ready address of the object, whatever the port (headless DNS answers with these). */
    List<String> addresses(String namespace, String name) {
        ObjectNode ep = store.get(ResourceTypes.ENDPOINTS, namespace, name);
        List<String> out = new ArrayList<>();
        if (ep != null) {
            for (JsonNode subset : ep.path("subsets")) {
                for (JsonNode a : subset.path("addresses")) {
                    String ip = a.path("ip").asText("");
                    if (!ip.isEmpty() && !out.contains(ip)) {
                        out.add(ip);
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, List<Target>> parse(JsonNode ep) {
        Map<String, List<Target>> out = new HashMap<>();
        for (JsonNode subset : ep.path("subsets")) {
            for (JsonNode port : subset.path("ports")) {
                if (!port.path("protocol").asText("TCP").equals("TCP")) {
                    continue;
                }
                List<Target> targets = out.computeIfAbsent(port.path("name").asText(""), k -> new ArrayList<>());
                for (JsonNode a : subset.path("addresses")) {
                    targets.add(new Target(a.path("ip").asText(), port.path("port").asInt()));
                }
            }
        }
        return out;
    }
}
