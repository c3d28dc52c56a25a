package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.printer.Selectors;

import java.util.ArrayList;
import java.util.List;

/**
 * kubectl 1.32 describe service: addressing (IP family policy, families, cluster IPs), one block
 * per port with its target, node port and the addresses its EndpointSlices hold for it, then the
 * traffic policies.
 */
final class ServiceDescriber implements Describer {
    @Override
    public ResourceType type() {
        return ResourceTypes.SERVICE;
    }

    @Override
    public String describe(JsonNode svc, DescribeContext ctx) {
        JsonNode spec = svc.path("spec");
        DescribeWriter w = new DescribeWriter();
        w.field(0, "Name", Meta.name(svc));
        w.field(0, "Namespace", Meta.namespace(svc));
        Fields.labels(w, "Labels", Meta.labels(svc));
        Fields.annotations(w, Meta.annotations(svc));
        w.field(0, "Selector", Selectors.formatLabels(Meta.stringMap(spec.path("selector"))));
        w.field(0, "Type", spec.path("type").asText(""));
        if (spec.has("ipFamilyPolicy")) {
            w.field(0, "IP Family Policy", spec.path("ipFamilyPolicy").asText());
        }
        w.field(0, "IP Families", joinedOrNone(spec.path("ipFamilies")));
        w.field(0, "IP", spec.path("clusterIP").asText(""));
        w.field(0, "IPs", joinedOrNone(spec.path("clusterIPs")));
        if (!spec.path("externalIPs").isEmpty()) {
            w.field(0, "External IPs", joined(spec.path("externalIPs")));
        }
        if (!spec.path("loadBalancerIP").asText("").isEmpty()) {
            w.field(0, "IP", spec.path("loadBalancerIP").asText());
        }
        if (!spec.path("externalName").asText("").isEmpty()) {
            w.field(0, "External Name", spec.path("externalName").asText());
        }
        List<JsonNode> slices = ctx.list(ResourceTypes.ENDPOINT_SLICE, Meta.namespace(svc)).stream()
                .filter(e -> Meta.name(svc).equals(Meta.labels(e).get("kubernetes.io/service-name"))).<JsonNode>map(e -> e).toList();
        for (JsonNode p : spec.path("ports")) {
            String name = p.path("name").asText("");
            String shown = name.isEmpty() ? "<unset>" : name;
            String protocol = p.path("protocol").asText("");
            w.write(0, "Port:\t" + shown + "\t" + p.path("port").asInt() + "/" + protocol + "\n");
            w.write(0, "TargetPort:\t" + p.path("targetPort").asText() + "/" + protocol + "\n");
            if (p.path("nodePort").asInt(0) != 0) {
                w.write(0, "NodePort:\t" + shown + "\t" + p.path("nodePort").asInt() + "/" + protocol + "\n");
            }
            w.write(0, "Endpoints:\t" + SliceEndpoints.format(slices, name, 3) + "\n");
        }
        w.field(0, "Session Affinity", spec.path("sessionAffinity").asText(""));
        if (!spec.path("externalTrafficPolicy").asText("").isEmpty()) {
            w.field(0, "External Traffic Policy", spec.path("externalTrafficPolicy").asText());
        }
        if (spec.has("internalTrafficPolicy")) {
            w.field(0, "Internal Traffic Policy", spec.path("internalTrafficPolicy").asText());
        }
        if (spec.path("healthCheckNodePort").asInt(0) != 0) {
            w.field(0, "HealthCheck NodePort", spec.path("healthCheckNodePort").asInt());
        }
        if (ctx.showEvents()) {
            EventsSection.write(w, EventsSection.about(ctx, svc), ctx.now());
        }
        return w.text();
    }

    private static String joined(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(v -> out.add(v.asText()));
        return String.join(",", out);
    }

    private static String joinedOrNone(JsonNode list) {
        return list.isEmpty() ? "<none>" : joined(list);
    }
}
