package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.printer.Selectors;

/** kubectl 1.32 describe rs (describe.go describeReplicaSet): as an rc's, plus the deployment that controls it. */
final class ReplicaSetDescriber implements Describer {
    @Override
    public ResourceType type() {
        return ResourceTypes.REPLICA_SET;
    }

    @Override
    public String describe(JsonNode rs, DescribeContext ctx) {
        DescribeWriter w = new DescribeWriter();
        JsonNode spec = rs.path("spec");
        w.field(0, "Name", Meta.name(rs));
        w.field(0, "Namespace", Meta.namespace(rs));
        w.field(0, "Selector", Selectors.formatLabelSelector(spec.path("selector")));
        Fields.labels(w, "Labels", Meta.labels(rs));
        Fields.annotations(w, Meta.annotations(rs));
        JsonNode controller = Meta.controllerRef(rs);
        if (controller != null) {
            w.field(0, "Controlled By", controller.path("kind").asText("") + "/" + controller.path("name").asText(""));
        }
        w.field(0, "Replicas", rs.path("status").path("replicas").asLong() + " current / " + spec.path("replicas").asLong() + " desired");
        w.field(0, "Pods Status", ControllerPods.of(ctx, rs, spec.path("selector")));
        PodTemplateSection.write(w, spec.path("template"));
        ReplicaConditions.write(w, rs.path("status").path("conditions"));
        if (ctx.showEvents()) {
            EventsSection.write(w, EventsSection.about(ctx, rs), ctx.now());
        }
        return w.text();
    }
}
