package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.printer.Selectors;
import kubetutor.engine.selector.LabelSelector;

/** kubectl 1.32 describe rc (describe.go describeReplicationController). */
final class ReplicationControllerDescriber implements Describer {
    @Override
    public ResourceType type() {
        return ResourceTypes.REPLICATION_CONTROLLER;
    }

    @Override
    public String describe(JsonNode rc, DescribeContext ctx) {
        DescribeWriter w = new DescribeWriter();
        JsonNode spec = rc.path("spec");
        w.field(0, "Name", Meta.name(rc));
        w.field(0, "Namespace", Meta.namespace(rc));
        w.field(0, "Selector", Selectors.formatLabels(Meta.stringMap(spec.path("selector"))));
        Fields.labels(w, "Labels", Meta.labels(rc));
        Fields.annotations(w, Meta.annotations(rc));
        w.field(0, "Replicas", rc.path("status").path("replicas").asLong() + " current / " + spec.path("replicas").asLong() + " desired");
        w.field(0, "Pods Status", ControllerPods.of(ctx, rc, LabelSelector.fromMap(Meta.stringMap(spec.path("selector")))));
        PodTemplateSection.write(w, spec.path("template"));
        ReplicaConditions.write(w, rc.path("status").path("conditions"));
        if (ctx.showEvents()) {
            EventsSection.write(w, EventsSection.about(ctx, rc), ctx.now());
        }
        return w.text();
    }
}
