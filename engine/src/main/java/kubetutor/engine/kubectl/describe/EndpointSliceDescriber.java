package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * kubectl 1.32 describe endpointslice: the ports table, then each endpoint with its Ready
 * condition (the only one describe shows), hostname, target, node and zone, {@code <unset>} where
 * the field is absent.
 */
final class EndpointSliceDescriber implements Describer {
    @Override
    public ResourceType type() {
        return ResourceTypes.ENDPOINT_SLICE;
    }

    @Override
    public String describe(JsonNode slice, DescribeContext ctx) {
        DescribeWriter w = new DescribeWriter();
        w.field(0, "Name", Meta.name(slice));
        w.field(0, "Namespace", Meta.namespace(slice));
        Fields.labels(w, "Labels", Meta.labels(slice));
        Fields.annotations(w, Meta.annotations(slice));
        w.field(0, "AddressType", slice.path("addressType").asText(""));
        ports(w, slice.path("ports"));
        JsonNode endpoints = slice.path("endpoints");
        if (endpoints.isEmpty()) {
            w.write(0, "Endpoints: <none>\n");
        } else {
            w.write(0, "Endpoints:\n");
            for (JsonNode ep : endpoints) {
                List<String> addresses = new ArrayList<>();
                ep.path("addresses").forEach(a -> addresses.add(a.asText()));
                w.write(1, "- Addresses:\t" + (addresses.isEmpty() ? "<none>" : String.join(", ", addresses)) + "\n");
                w.write(2, "Conditions:\n");
                JsonNode ready = ep.path("conditions").path("ready");
                w.write(3, "Ready:\t" + (ready.isBoolean() ? ready.asText() : "<unset>") + "\n");
                w.write(2, "Hostname:\t" + ep.path("hostname").asText("<unset>") + "\n");
                if (ep.has("targetRef")) {
                    JsonNode ref = ep.path("targetRef");
                    w.write(2, "TargetRef:\t" + ref.path("kind").asText("") + "/" + ref.path("name").asText("") + "\n");
                }
                w.write(2, "NodeName:\t" + ep.path("nodeName").asText("<unset>") + "\n");
                w.write(2, "Zone:\t" + ep.path("zone").asText("<unset>") + "\n");
            }
        }
        if (ctx.showEvents()) {
            EventsSection.write(w, EventsSection.about(ctx, slice), ctx.now());
        }
        return w.text();
    }

    private static void ports(DescribeWriter w, JsonNode ports) {
        if (ports.isEmpty()) {
            w.write(0, "Ports: <unset>\n");
            return;
        }
        w.write(0, "Ports:\n");
        w.write(1, "Name\tPort\tProtocol\n");
        w.write(1, "----\t----\t--------\n");
        for (JsonNode p : ports) {
            String name = p.path("name").asText("");
            w.write(1, (name.isEmpty() ? "<unset>" : name) + "\t" + p.path("port").asText("<unset>") + "\t"
                    + p.path("protocol").asText("") + "\n");
        }
    }
}
