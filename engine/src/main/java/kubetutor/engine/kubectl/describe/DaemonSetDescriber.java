package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.printer.Selectors;

/**
 * kubectl 1.32 describe ds (describe.go describeDaemonSet). Unlike the other workloads it prints no
 * Namespace line, its selector as the selector's own String() (no "<none>"), and the node counts
 * without a tab, so they break the alignment of the lines around them.
 */
final class DaemonSetDescriber implements Describer {
    @Override
    public ResourceType type() {
        return ResourceTypes.DAEMON_SET;
    }

    @Override
    public String describe(JsonNode ds, DescribeContext ctx) {
        DescribeWriter w = new DescribeWriter();
        JsonNode spec = ds.path("spec");
        JsonNode status = ds.path("status");
        w.field(0, "Name", Meta.name(ds));
        w.field(0, "Selector", Selectors.labelSelector(spec.path("selector")));
        w.field(0, "Node-Selector", Selectors.formatLabels(Meta.stringMap(spec.path("template").path("spec").path("nodeSelector"))));
        Fields.labels(w, "Labels", Meta.labels(ds));
        Fields.annotations(w, Meta.annotations(ds));
        w.write(0, "Desired Number of Nodes Scheduled: " + status.path("desiredNumberScheduled").asLong() + "\n");
        w.write(0, "Current Number of Nodes Scheduled: " + status.path("currentNumberScheduled").asLong() + "\n");
        w.write(0, "Number of Nodes Scheduled with Up-to-date Pods: " + status.path("updatedNumberScheduled").asLong() + "\n");
        w.write(0, "Number of Nodes Scheduled with Available Pods: " + status.path("numberAvailable").asLong() + "\n");
        w.write(0, "Number of Nodes Misscheduled: " + status.path("numberMisscheduled").asLong() + "\n");
        w.field(0, "Pods Status", ControllerPods.of(ctx, ds, spec.path("selector")));
        PodTemplateSection.write(w, spec.path("template"));
        if (ctx.showEvents()) {
            EventsSection.write(w, EventsSection.about(ctx, ds), ctx.now());
        }
        return w.text();
    }
}
