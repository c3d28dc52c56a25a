package kubetutor.engine.controller.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The subsets of a Service's Endpoints (endpoints controller's syncService, then RepackSubsets):
 * each listed pod is an address, ready or not, under the ports it serves; addresses that serve the
 * same ports share a subset, sorted by IP compared as bytes, then by uid.
 */
final class Subsets {
    private Subsets() {}

    private record Address(ObjectNode node, boolean ready) {}

    static ArrayNode of(JsonNode svc, List<ObjectNode> pods) {
        boolean publishNotReady = ServicePods.publishesNotReady(svc);
        JsonNode servicePorts = svc.path("spec").path("ports");
        Map<String, List<Address>> byPorts = new LinkedHashMap<>();
        Map<String, ArrayNode> portLists = new LinkedHashMap<>();
        for (ObjectNode pod : pods) {
            if (!ServicePods.listed(pod, publishNotReady)) {
                continue;
            }
            ArrayNode ports = Meta.JSON.arrayNode();
            for (JsonNode sp : servicePorts) {
                OptionalInt port = ServicePods.targetPort(pod, sp);
                if (port.isEmpty()) {
                    continue;
                }
                ObjectNode p = ports.addObject();
                if (!sp.path("name").asText("").isEmpty()) {
                    p.put("name", sp.path("name").asText());
                }
                p.put("port", port.getAsInt());
                p.put("protocol", sp.path("protocol").asText("TCP"));
                if (sp.has("appProtocol")) {
                    p.set("appProtocol", sp.get("appProtocol"));
                }
            }
            // a headless Service without ports still lists its pods' addresses
            if (ports.isEmpty() && !(servicePorts.isEmpty() && ServicePods.headless(svc))) {
                continue;
            }
            String key = ports.toString();
            portLists.putIfAbsent(key, ports);
            byPorts.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Address(address(pod), publishNotReady || ServicePods.ready(pod)));
        }
        ArrayNode subsets = Meta.JSON.arrayNode();
        byPorts.forEach((key, addresses) -> {
            addresses.sort(Comparator.comparing((Address a) -> a.node().path("ip").asText().getBytes(StandardCharsets.UTF_8),
                    Arrays::compare).thenComparing(a -> a.node().path("targetRef").path("uid").asText()));
            ObjectNode subset = subsets.addObject();
            List<Address> ready = addresses.stream().filter(Address::ready).toList();
            List<Address> notReady = addresses.stream().filter(a -> !a.ready()).toList();
            if (!ready.isEmpty()) {
                ready.forEach(a -> subset.withArray("addresses").add(a.node()));
            }
            if (!notReady.isEmpty()) {
                notReady.forEach(a -> subset.withArray("notReadyAddresses").add(a.node()));
            }
            if (!portLists.get(key).isEmpty()) {
                subset.set("ports", portLists.get(key));
            }
        });
        return subsets;
    }

    private static ObjectNode address(JsonNode pod) {
        ObjectNode a = Meta.JSON.objectNode();
        a.put("ip", pod.path("status").path("podIP").asText());
        String node = pod.path("spec").path("nodeName").asText("");
        if (!node.isEmpty()) {
            a.put("nodeName", node);
        }
        ObjectNode ref = a.putObject("targetRef");
        ref.put("kind", "Pod");
        ref.put("name", Meta.name(pod));
        ref.put("namespace", Meta.namespace(pod));
        ref.put("uid", Meta.uid(pod));
        return a;
    }
}
