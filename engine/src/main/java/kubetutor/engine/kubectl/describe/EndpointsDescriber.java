package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;

import java.util.ArrayList;
import java.util.List;

/** kubectl 1.32 describe endpoints: each subset's ready and not-ready addresses and its ports. */
final class EndpointsDescriber implements Describer {
    @Override
    public ResourceType type() {
        return ResourceTypes.ENDPOINTS;
    }

    @Override
    public String describe(JsonNode ep, DescribeContext ctx) {
        DescribeWriter w = new DescribeWriter();
        w.field(0, "Name", Meta.name(ep));
        w.field(0, "Namespace", Meta.namespace(ep));
        Fields.labels(w, "Labels", Meta.labels(ep));
        Fields.annotations(w, Meta.annotations(ep));
        w.write(0, "Subsets:\n");
        for (JsonNode subset : ep.path("subsets")) {
            w.write(1, "Addresses:\t" + ips(subset.path("addresses")) + "\n");
            w.write(1, "NotReadyAddresses:\t" + ips(subset.path("notReadyAddresses")) + "\n");
            if (!subset.path("ports").isEmpty()) {
                w.write(1, "Ports:\n");
                w.write(2, "Name\tPort\tProtocol\n");
                w.write(2, "----\t----\t--------\n");
                for (JsonNode p : subset.path("ports")) {
                    String name = p.path("name").asText("");
                    w.write(2, (name.isEmpty() ? "<unset>" : name) + "\t" + p.path("port").asInt() + "\t"
                            + p.path("protocol").asText("") + "\n");
                }
            }
            w.write(0, "\n");
        }
        if (ctx.showEvents()) {
            EventsSection.write(w, EventsSection.about(ctx, ep), ctx.now());
        }
        return w.text();
    }

    private static String ips(JsonNode addresses) {
        List<String> out = new ArrayList<>();
        addresses.forEach(a -> out.add(a.path("ip").asText()));
        return out.isEmpty() ? "<none>" : String.join(",", out);
    }
}
