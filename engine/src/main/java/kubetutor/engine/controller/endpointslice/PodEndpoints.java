package kubetutor.engine.controller.endpointslice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.controller.endpoint.ServicePods;

import java.util.OptionalInt;

/**
 * What the EndpointSlice controller makes of one selected pod (the endpointslice library's
 * podToEndpoint and getEndpointPorts): the endpoint with its three conditions, and the ports it
 * serves, which decide the slice it can go into.
 */
final class PodEndpoints {
    private PodEndpoints() {}

    /** One pod's endpoint and its port list; {@code key} identifies the endpoint across syncs. */
    record Desired(String key, ObjectNode endpoint, ArrayNode ports) {
        String portsKey() {
            return PodEndpoints.portsKey(ports);
        }
    }

    /**
     * The pod's endpoint, or null when the pod does not belong in slices: no IP yet, finished, or
     * serving none of the Service's ports. Terminating pods stay (the controller lists them, with
     * ready false), unlike in Endpoints.
     */
    static Desired of(JsonNode svc, JsonNode pod) {
        if (!ServicePods.listed(pod, true)) {
            return null;
        }
        ArrayNode ports = ports(svc, pod);
        boolean headlessWithoutPorts = svc.path("spec").path("ports").isEmpty() && ServicePods.headless(svc);
        if (ports.isEmpty() && !headlessWithoutPorts) {
            return null;
        }
        String ip = pod.path("status").path("podIP").asText();
        boolean serving = ServicePods.ready(pod);
        boolean terminating = Meta.isTerminating(pod);
        ObjectNode ep = Meta.JSON.objectNode();
        ep.putArray("addresses").add(ip);
        ep.putObject("conditions")
                .put("ready", ServicePods.publishesNotReady(svc) || (serving && !terminating))
                .put("serving", serving)
                .put("terminating", terminating);
        ObjectNode ref = ep.putObject("targetRef");
        ref.put("kind", "Pod");
        ref.put("namespace", Meta.namespace(pod));
        ref.put("name", Meta.name(pod));
        ref.put("uid", Meta.uid(pod));
        String node = pod.path("spec").path("nodeName").asText("");
        if (!node.isEmpty()) {
            ep.put("nodeName", node);
        }
        return new Desired(Meta.uid(pod) + "/" + ip, ep, ports);
    }

    /** The identity of an endpoint already in a slice, the same as {@link Desired#key} gives. */
    static String key(JsonNode endpoint) {
        return endpoint.path("targetRef").path("uid").asText("") + "/" + endpoint.path("addresses").path(0).asText("");
    }

    /** A port list as a key, whatever order the fields of each port are stored in. */
    static String portsKey(JsonNode ports) {
        StringBuilder key = new StringBuilder();
        for (JsonNode p : ports) {
            key.append(p.path("name").asText("")).append('/').append(p.path("protocol").asText(""))
                    .append('/').append(p.path("port").asText("")).append('/').append(p.path("appProtocol").asText(""))
                    .append(';');
        }
        return key.toString();
    }

    private static ArrayNode ports(JsonNode svc, JsonNode pod) {
        ArrayNode out = Meta.JSON.arrayNode();
        for (JsonNode sp : svc.path("spec").path("ports")) {
            OptionalInt port = ServicePods.targetPort(pod, sp);
            if (port.isEmpty()) {
                continue;
            }
            // the name is written even when empty: the slice's port names match the Service's
            ObjectNode p = out.addObject();
            p.put("name", sp.path("name").asText(""));
            p.put("protocol", sp.path("protocol").asText("TCP"));
            p.put("port", port.getAsInt());
            if (sp.has("appProtocol")) {
                p.set("appProtocol", sp.get("appProtocol"));
            }
        }
        return out;
    }
}
