package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.printer.Selectors;

import java.util.ArrayList;
import java.util.List;

/**
 * kubectl 1.32 describe deployment (describe.go describeDeployment): the replica counts on one
 * line, the strategy, the pod template, the conditions, and which ReplicaSets are old and new.
 */
final class DeploymentDescriber implements Describer {
    @Override
    public ResourceType type() {
        return ResourceTypes.DEPLOYMENT;
    }

    @Override
    public String describe(JsonNode d, DescribeContext ctx) {
        DescribeWriter w = new DescribeWriter();
        JsonNode spec = d.path("spec");
        JsonNode status = d.path("status");
        w.field(0, "Name", Meta.name(d));
        w.field(0, "Namespace", Meta.namespace(d));
        w.field(0, "CreationTimestamp", Fields.time(Meta.creationTime(d)));
        Fields.labels(w, "Labels", Meta.labels(d));
        Fields.annotations(w, Meta.annotations(d));
        w.field(0, "Selector", Selectors.labelSelector(spec.path("selector")));
        w.field(0, "Replicas", spec.path("replicas").asLong() + " desired | " + status.path("updatedReplicas").asLong()
                + " updated | " + status.path("replicas").asLong() + " total | " + status.path("availableReplicas").asLong()
                + " available | " + status.path("unavailableReplicas").asLong() + " unavailable");
        w.field(0, "StrategyType", spec.path("strategy").path("type").asText(""));
        w.field(0, "MinReadySeconds", spec.path("minReadySeconds").asLong());
        JsonNode rolling = spec.path("strategy").path("rollingUpdate");
        if (rolling.isObject()) {
            w.field(0, "RollingUpdateStrategy", intOrString(rolling.get("maxUnavailable")) + " max unavailable, "
                    + intOrString(rolling.get("maxSurge")) + " max surge");
        }
        PodTemplateSection.write(w, spec.path("template"));
        JsonNode conditions = status.path("conditions");
        if (!conditions.isEmpty()) {
            w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
            w.write(1, "----\t------\t------\n");
            for (JsonNode c : conditions) {
                // describe.go puts a space after the type, inside its cell
                w.write(1, c.path("type").asText("") + " \t" + c.path("status").asText("") + "\t"
                        + c.path("reason").asText("") + "\n");
            }
        }
        DeploymentReplicaSets rss = DeploymentReplicaSets.of(ctx, d);
        if (rss.newRs() != null || !rss.old().isEmpty()) {
            w.field(0, "OldReplicaSets", list(rss.old()));
            w.field(0, "NewReplicaSet", list(rss.newRs() == null ? List.of() : List.of(rss.newRs())));
        }
        if (ctx.showEvents()) {
            EventsSection.write(w, EventsSection.about(ctx, d), ctx.now());
        }
        return w.text();
    }

    /** IntOrString.String(): a number as digits, a string as is, a missing one as Go prints a nil pointer's. */
    private static String intOrString(JsonNode v) {
        return v == null || v.isNull() ? "<nil>" : v.asText();
    }

    /** printReplicaSetsByLabels: "NAME (current/desired replicas created)", comma-joined, or "<none>". */
    private static String list(List<JsonNode> rss) {
        List<String> out = new ArrayList<>();
        for (JsonNode rs : rss) {
            out.add(Meta.name(rs) + " (" + rs.path("status").path("replicas").asLong() + "/"
                    + rs.path("spec").path("replicas").asLong() + " replicas created)");
        }
        return out.isEmpty() ? "<none>" : String.join(", ", out);
    }
}
