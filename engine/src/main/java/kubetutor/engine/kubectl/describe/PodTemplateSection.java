package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * describe.go DescribePodTemplate: the "Pod Template:" block of a replication controller, replica
 * set, daemon set or deployment. Its parts are the pod's own sections written two spaces further in
 * ("  Labels:", "  Containers:", a container's name three spaces in), without any status.
 */
final class PodTemplateSection {
    private PodTemplateSection() {}

    static void write(DescribeWriter w, JsonNode template) {
        w.write(0, "Pod Template:\n");
        if (!template.isObject()) {
            // kubectl writes no newline here: whatever follows continues the line
            w.write(1, "<unset>");
            return;
        }
        JsonNode spec = template.path("spec");
        Fields.labels(w, "  Labels", Meta.labels(template));
        if (!Meta.annotations(template).isEmpty()) {
            Fields.annotations(w, "  Annotations", Meta.annotations(template));
        }
        if (!spec.path("serviceAccountName").asText("").isEmpty()) {
            w.field(1, "Service Account", spec.get("serviceAccountName").asText());
        }
        if (!spec.path("initContainers").isEmpty()) {
            ContainerSection.writeTemplate(w, "Init Containers", spec.get("initContainers"));
        }
        ContainerSection.writeTemplate(w, "Containers", spec.path("containers"));
        VolumeSection.write(w, "  ", spec.path("volumes"));
        topologySpread(w, spec.path("topologySpreadConstraints"));
        if (!spec.path("priorityClassName").asText("").isEmpty()) {
            w.field(1, "Priority Class Name", spec.get("priorityClassName").asText());
        }
        Fields.labels(w, "  Node-Selectors", Meta.stringMap(spec.path("nodeSelector")));
        Fields.tolerations(w, "  Tolerations", spec.path("tolerations"));
    }

    /** describeTopologySpreadConstraints, sorted by topology key. */
    private static void topologySpread(DescribeWriter w, JsonNode constraints) {
        if (constraints.isEmpty()) {
            return;
        }
        List<JsonNode> sorted = new ArrayList<>();
        constraints.forEach(sorted::add);
        sorted.sort(Comparator.comparing(c -> c.path("topologyKey").asText("")));
        w.write(0, "  Topology Spread Constraints:\t");
        boolean first = true;
        for (JsonNode c : sorted) {
            if (!first) {
                w.write(0, "  \t");
            }
            first = false;
            String line = c.path("topologyKey").asText("") + ":" + c.path("whenUnsatisfiable").asText("")
                    + " when max skew " + c.path("maxSkew").asLong() + " is exceeded";
            if (c.path("labelSelector").isObject()) {
                line += " for selector " + kubetutor.engine.kubectl.printer.Selectors.formatLabelSelector(c.get("labelSelector"));
            }
            w.write(0, line + "\n");
        }
    }
}
