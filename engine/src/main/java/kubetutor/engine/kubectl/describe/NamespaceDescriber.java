package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;

/**
 * kubectl 1.32 describe namespace. kubetutor has no ResourceQuota or LimitRange objects, so both
 * sections always say there are none, as kubectl does for a namespace without them.
 */
final class NamespaceDescriber implements Describer {
    @Override
    public ResourceType type() {
        return ResourceTypes.NAMESPACE;
    }

    @Override
    public String describe(JsonNode ns, DescribeContext ctx) {
        DescribeWriter w = new DescribeWriter();
        w.field(0, "Name", Meta.name(ns));
        Fields.labels(w, "Labels", Meta.labels(ns));
        Fields.annotations(w, Meta.annotations(ns));
        w.field(0, "Status", ns.path("status").path("phase").asText(""));
        JsonNode conditions = ns.path("status").path("conditions");
        if (!conditions.isEmpty()) {
            w.write(0, "Conditions:\n");
            w.write(1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
            w.write(1, "----\t------\t------------------\t------\t-------\n");
            for (JsonNode c : conditions) {
                w.write(1, c.path("type").asText("") + "\t" + c.path("status").asText("") + "\t"
                        + Fields.time(c.get("lastTransitionTime")) + "\t" + c.path("reason").asText("") + "\t"
                        + c.path("message").asText("") + "\n");
            }
        }
        w.write(0, "\nNo resource quota.\n");
        w.write(0, "\nNo LimitRange resource.\n");
        return w.text();
    }
}
