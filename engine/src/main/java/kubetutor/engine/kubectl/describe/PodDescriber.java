package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.printer.Age;

/** kubectl 1.32 describe pod (describe.go describePod). */
final class PodDescriber implements Describer {
    @Override
    public ResourceType type() {
        return ResourceTypes.POD;
    }

    @Override
    public String describe(JsonNode pod, DescribeContext ctx) {
        DescribeWriter w = new DescribeWriter();
        JsonNode spec = pod.path("spec");
        JsonNode status = pod.path("status");
        w.field(0, "Name", Meta.name(pod));
        w.field(0, "Namespace", Meta.namespace(pod));
        if (spec.has("priority")) {
            w.field(0, "Priority", spec.get("priority").asLong());
        }
        if (!spec.path("priorityClassName").asText("").isEmpty()) {
            w.field(0, "Priority Class Name", spec.get("priorityClassName").asText());
        }
        if (!spec.path("runtimeClassName").asText("").isEmpty()) {
            w.field(0, "Runtime Class Name", spec.get("runtimeClassName").asText());
        }
        if (!spec.path("serviceAccountName").asText("").isEmpty()) {
            w.field(0, "Service Account", spec.get("serviceAccountName").asText());
        }
        String nodeName = spec.path("nodeName").asText("");
        w.field(0, "Node", nodeName.isEmpty() ? "<none>" : nodeName + "/" + status.path("hostIP").asText(""));
        if (status.hasNonNull("startTime")) {
            w.field(0, "Start Time", Fields.time(status.get("startTime")));
        }
        Fields.labels(w, "Labels", Meta.labels(pod));
        Fields.annotations(w, Meta.annotations(pod));
        String phase = status.path("phase").asText("");
        if (Meta.isTerminating(pod) && !phase.equals("Failed") && !phase.equals("Succeeded")) {
            // describe.go measures "since" the deletion timestamp, which lies in the future during the
            // grace period: kubectl really prints "(lasts <invalid>)" then.
            w.field(0, "Status", "Terminating (lasts " + Age.since(Meta.deletionTime(pod), ctx.now()) + ")");
            w.field(0, "Termination Grace Period", pod.path("metadata").path("deletionGracePeriodSeconds").asLong() + "s");
        } else {
            w.field(0, "Status", phase);
        }
        if (!status.path("reason").asText("").isEmpty()) {
            w.field(0, "Reason", status.get("reason").asText());
        }
        if (!status.path("message").asText("").isEmpty()) {
            w.field(0, "Message", status.get("message").asText());
        }
        JsonNode seccomp = spec.path("securityContext").path("seccompProfile");
        if (!seccomp.isMissingNode()) {
            w.field(0, "SeccompProfile", seccomp.path("type").asText(""));
            if (seccomp.path("type").asText("").equals("Localhost")) {
                w.field(0, "LocalhostProfile", seccomp.path("localhostProfile").asText(""));
            }
        }
        w.field(0, "IP", status.path("podIP").asText(""));
        if (status.path("podIPs").isEmpty()) {
            w.write(0, "IPs:\t<none>\n");
        } else {
            w.write(0, "IPs:\n");
            for (JsonNode ip : status.get("podIPs")) {
                w.field(1, "IP", ip.path("ip").asText(""));
            }
        }
        JsonNode controller = Meta.controllerRef(pod);
        if (controller != null) {
            w.field(0, "Controlled By", controller.path("kind").asText("") + "/" + controller.path("name").asText(""));
        }
        if (!status.path("nominatedNodeName").asText("").isEmpty()) {
            w.field(0, "NominatedNodeName", status.get("nominatedNodeName").asText());
        }
        if (!spec.path("initContainers").isEmpty()) {
            ContainerSection.write(w, "Init Containers", pod, spec.get("initContainers"), status.path("initContainerStatuses"));
        }
        ContainerSection.write(w, "Containers", pod, spec.path("containers"), status.path("containerStatuses"));
        if (!spec.path("readinessGates").isEmpty()) {
            w.write(0, "Readiness Gates:\n  Type\tStatus\n");
            for (JsonNode gate : spec.get("readinessGates")) {
                String type = gate.path("conditionType").asText("");
                String value = "<none>";
                for (JsonNode c : status.path("conditions")) {
                    if (c.path("type").asText("").equals(type)) {
                        value = c.path("status").asText("");
                        break;
                    }
                }
                w.write(1, type + " \t" + value + " \n");
            }
        }
        if (!status.path("conditions").isEmpty()) {
            w.write(0, "Conditions:\n  Type\tStatus\n");
            for (JsonNode c : status.get("conditions")) {
                w.write(1, c.path("type").asText("") + " \t" + c.path("status").asText("") + " \n");
            }
        }
        VolumeSection.write(w, spec.path("volumes"));
        w.field(0, "QoS Class", QosClass.of(pod));
        Fields.labels(w, "Node-Selectors", Meta.stringMap(spec.path("nodeSelector")));
        Fields.tolerations(w, spec.path("tolerations"));
        if (ctx.showEvents()) {
            EventsSection.write(w, EventsSection.about(ctx, pod), ctx.now());
        }
        return w.text();
    }
}
