package kubetutor.engine.kubectl.expose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * expose's createService: the Service's spec from the flags and what introspection filled in.
 * One port keeps no name; several are named port-1, port-2...; a port the exposed object serves
 * over both TCP and UDP becomes one service port per protocol. Every port gets the same
 * --target-port, or its own number.
 */
record ServiceFromFlags(String ports, String protocol, Map<String, List<String>> protocols, String selector,
                        String targetPort, String type, String externalIp, String loadBalancerIp,
                        String sessionAffinity, String clusterIp) {

    /** The spec; an IllegalArgumentException carries kubectl's error when a flag cannot be used. */
    ObjectNode spec() {
        ObjectNode spec = Meta.JSON.objectNode();
        ArrayNode list = spec.putArray("ports");
        String[] numbers = ports.split(",", -1);
        for (int i = 0; i < numbers.length; i++) {
            int port = atoi(numbers[i]);
            String name = numbers.length > 1 ? "port-" + (i + 1) : "";
            String proto = protocol;
            if (proto.isEmpty()) {
                proto = "TCP";
                List<String> exposed = protocols.get(numbers[i]);
                if (exposed != null && exposed.size() > 1) {
                    for (String p : exposed) {
                        add(list, "port-" + (i + 1) + "-" + p.toLowerCase(Locale.ROOT), p, port);
                    }
                    continue;
                }
                if (exposed != null) {
                    proto = exposed.get(0);
                }
            }
            add(list, name, proto, port);
        }
        spec.set("selector", labels(selector));
        for (var p : list) {
            ObjectNode port = (ObjectNode) p;
            if (targetPort.isEmpty()) {
                port.put("targetPort", port.path("port").asInt());
            } else if (targetPort.matches("[+-]?\\d+")) {
                port.put("targetPort", atoi(targetPort));
            } else {
                port.put("targetPort", targetPort);
            }
        }
        if (!clusterIp.isEmpty()) {
            spec.put("clusterIP", clusterIp);
        }
        if (!type.isEmpty()) {
            spec.put("type", type);
        }
        if (!externalIp.isEmpty()) {
            spec.putArray("externalIPs").add(externalIp);
        }
        if (!sessionAffinity.isEmpty()) {
            if (!sessionAffinity.equals("None") && !sessionAffinity.equals("ClientIP")) {
                throw new IllegalArgumentException("unknown session affinity: " + sessionAffinity);
            }
            spec.put("sessionAffinity", sessionAffinity);
        }
        if (type.equals("LoadBalancer") && !loadBalancerIp.isEmpty()) {
            spec.put("loadBalancerIP", loadBalancerIp);
        }
        return spec;
    }

    private static void add(ArrayNode list, String name, String protocol, int port) {
        ObjectNode p = list.addObject();
        if (!name.isEmpty()) {
            p.put("name", name);
        }
        p.put("protocol", protocol);
        p.put("port", port);
    }

    /** strconv.Atoi, whose error kubectl passes on as it is. */
    static int atoi(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strconv.Atoi: parsing \"" + s + "\": "
                    + (s.matches("[+-]?\\d+") ? "value out of range" : "invalid syntax"));
        }
    }

    /** parseLabels of "k=v,k=v": kubectl's own error for a pair without '='. */
    static ObjectNode labels(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split(",")) {
                String[] kv = pair.split("=", -1);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("invalid label spec: " + pair);
                }
                map.put(kv[0], kv[1]);
            }
        }
        ObjectNode out = Meta.JSON.objectNode();
        new java.util.TreeMap<>(map).forEach(out::put);
        return out;
    }
}
