package kubetutor.engine.kubectl.expose;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What kubectl's polymorphichelpers read off an object to expose it: the selector its pods carry,
 * the ports its containers declare and their protocols. Each fails as kubectl does for objects it
 * cannot introspect.
 */
final class Introspection {
    /** An object that cannot be introspected; the message is kubectl's. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private Introspection() {}

    /** MapBasedSelectorForObject, formatted as "k=v,k=v" in key order. */
    static String selector(String kind, JsonNode obj) throws Refused {
        Map<String, String> selector = switch (kind) {
            case "Pod" -> {
                Map<String, String> labels = Meta.stringMap(obj.path("metadata").path("labels"));
                if (labels.isEmpty()) {
                    throw new Refused("the pod has no labels and cannot be exposed");
                }
                yield labels;
            }
            case "Service" -> {
                if (!obj.path("spec").has("selector") || obj.path("spec").path("selector").isNull()) {
                    throw new Refused("the service has no pod selector set");
                }
                yield Meta.stringMap(obj.path("spec").path("selector"));
            }
            case "ReplicationController" -> Meta.stringMap(obj.path("spec").path("selector"));
            default -> {
                JsonNode sel = obj.path("spec").path("selector");
                if (sel.path("matchLabels").isEmpty()) {
                    throw new Refused("invalid " + kind.toLowerCase(java.util.Locale.ROOT)
                            + ": no selectors, therefore cannot be exposed");
                }
                if (sel.path("matchExpressions").size() > 0) {
                    throw new Refused("couldn't convert expressions - \"" + goRequirements(sel.path("matchExpressions"))
                            + "\" to map-based selector format");
                }
                yield Meta.stringMap(sel.path("matchLabels"));
            }
        };
        return format(selector);
    }

    /** PortsForObject: the containers' ports, or a Service's own ports, as strings, each number once (53/UDP and 53/TCP are one port). */
    static List<String> ports(String kind, JsonNode obj) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (kind.equals("Service")) {
            obj.path("spec").path("ports").forEach(p -> out.add(p.path("port").asText()));
            return List.copyOf(out);
        }
        for (JsonNode c : podSpec(kind, obj).path("containers")) {
            c.path("ports").forEach(p -> out.add(p.path("containerPort").asText()));
        }
        return List.copyOf(out);
    }

    /** ProtocolsForObject: each port's protocols, as "port/PROTO,port/PROTO" (MakeProtocols). */
    static Map<String, List<String>> protocols(String kind, JsonNode obj) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (kind.equals("Service")) {
            obj.path("spec").path("ports").forEach(p ->
                    out.computeIfAbsent(p.path("port").asText(), k -> new ArrayList<>()).add(p.path("protocol").asText("TCP")));
            return out;
        }
        for (JsonNode c : podSpec(kind, obj).path("containers")) {
            c.path("ports").forEach(p ->
                    out.computeIfAbsent(p.path("containerPort").asText(), k -> new ArrayList<>()).add(p.path("protocol").asText("TCP")));
        }
        return out;
    }

    private static JsonNode podSpec(String kind, JsonNode obj) {
        return kind.equals("Pod") ? obj.path("spec") : obj.path("spec").path("template").path("spec");
    }

    static String format(Map<String, String> map) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(map).forEach((k, v) -> sb.append(sb.length() > 0 ? "," : "").append(k).append('=').append(v));
        return sb.toString();
    }

    /** Go's %+v of []metav1.LabelSelectorRequirement, which kubectl prints in its refusal. */
    private static String goRequirements(JsonNode exprs) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : exprs) {
            List<String> values = new ArrayList<>();
            e.path("values").forEach(v -> values.add(v.asText()));
            out.add("{Key:" + e.path("key").asText() + " Operator:" + e.path("operator").asText()
                    + " Values:[" + String.join(" ", values) + "]}");
        }
        return "[" + String.join(" ", out) + "]";
    }
}
