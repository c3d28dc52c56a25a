package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * describe.go describeContainers: one block per container, with its status, probes, env and mounts.
 * A pod template's containers (no pod, no statuses) are written with {@code space} "  ": the title
 * indented by it and each container's name by one more space.
 */
final class ContainerSection {
    private ContainerSection() {}

    static void write(DescribeWriter w, String label, JsonNode pod, JsonNode containers, JsonNode statuses) {
        write(w, "", label, pod, containers, statuses);
    }

    /** A pod template's containers: there is no pod to resolve field references against, and no status. */
    static void writeTemplate(DescribeWriter w, String label, JsonNode containers) {
        write(w, "  ", label, null, containers, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    private static void write(DescribeWriter w, String space, String label, JsonNode pod, JsonNode containers, JsonNode statuses) {
        w.write(0, space + label + ":" + (containers.isEmpty() ? " <none>" : "") + "\n");
        String nameIndent = space.isEmpty() ? "" : " ";
        for (JsonNode c : containers) {
            JsonNode status = null;
            for (JsonNode s : statuses) {
                if (s.path("name").asText("").equals(c.path("name").asText(""))) {
                    status = s;
                }
            }
            w.write(1, nameIndent + c.path("name").asText("") + ":\n");
            if (status != null) {
                w.field(2, "Container ID", status.path("containerID").asText(""));
            }
            w.field(2, "Image", c.path("image").asText(""));
            if (status != null) {
                w.field(2, "Image ID", status.path("imageID").asText(""));
            }
            List<String> ports = new ArrayList<>();
            List<String> hostPorts = new ArrayList<>();
            for (JsonNode p : c.path("ports")) {
                String protocol = p.path("protocol").asText("");
                ports.add(p.path("containerPort").asInt() + "/" + protocol);
                hostPorts.add(p.path("hostPort").asInt() + "/" + protocol);
            }
            w.field(2, ports.size() > 1 ? "Ports" : "Port", Fields.orNone(String.join(", ", ports)));
            w.field(2, hostPorts.size() > 1 ? "Host Ports" : "Host Port", Fields.orNone(String.join(", ", hostPorts)));
            JsonNode seccomp = c.path("securityContext").path("seccompProfile");
            if (seccomp.isObject()) {
                w.field(2, "SeccompProfile", seccomp.path("type").asText(""));
                if (seccomp.path("type").asText("").equals("Localhost")) {
                    w.field(3, "LocalhostProfile", seccomp.path("localhostProfile").asText(""));
                }
            }
            lines(w, "Command", c.path("command"));
            lines(w, "Args", c.path("args"));
            if (status != null) {
                state(w, "State", status.path("state"));
                if (status.path("lastState").has("terminated")) {
                    state(w, "Last State", status.path("lastState"));
                }
                w.field(2, "Ready", Fields.bool(status.path("ready").asBoolean(false)));
                w.field(2, "Restart Count", status.path("restartCount").asInt());
            }
            resources(w, c.path("resources"));
            probe(w, "Liveness", c.path("livenessProbe"));
            probe(w, "Readiness", c.path("readinessProbe"));
            probe(w, "Startup", c.path("startupProbe"));
            if (!c.path("envFrom").isEmpty()) {
                envFrom(w, c.path("envFrom"));
            }
            ContainerEnv.write(w, pod, c);
            mounts(w, c.path("volumeMounts"));
        }
    }

    private static void lines(DescribeWriter w, String title, JsonNode items) {
        if (items.isEmpty()) {
            return;
        }
        w.write(2, title + ":\n");
        for (JsonNode item : items) {
            for (String s : item.asText("").split("\n", -1)) {
                w.write(3, s + "\n");
            }
        }
    }

    private static void state(DescribeWriter w, String name, JsonNode state) {
        if (state.has("running")) {
            w.write(2, name + ":\tRunning\n");
            w.field(3, "Started", Fields.time(state.get("running").get("startedAt")));
        } else if (state.has("waiting")) {
            w.write(2, name + ":\tWaiting\n");
            String reason = state.get("waiting").path("reason").asText("");
            if (!reason.isEmpty()) {
                w.field(3, "Reason", reason);
            }
        } else if (state.has("terminated")) {
            JsonNode t = state.get("terminated");
            w.write(2, name + ":\tTerminated\n");
            if (!t.path("reason").asText("").isEmpty()) {
                w.field(3, "Reason", t.get("reason").asText());
            }
            if (!t.path("message").asText("").isEmpty()) {
                w.field(3, "Message", t.get("message").asText());
            }
            w.field(3, "Exit Code", t.path("exitCode").asInt());
            if (t.path("signal").asInt() > 0) {
                w.field(3, "Signal", t.get("signal").asInt());
            }
            w.field(3, "Started", Fields.time(t.get("startedAt")));
            w.field(3, "Finished", Fields.time(t.get("finishedAt")));
        } else {
            w.write(2, name + ":\tWaiting\n");
        }
    }

    /** describeResources: Limits then Requests, resource names sorted. */
    static void resources(DescribeWriter w, JsonNode resources) {
        for (String kind : List.of("limits", "requests")) {
            JsonNode list = resources.path(kind);
            if (list.isEmpty()) {
                continue;
            }
            w.write(2, (kind.equals("limits") ? "Limits" : "Requests") + ":\n");
            new TreeMap<>(Meta.stringMap(list)).forEach((name, value) ->
                    w.field(3, name, Quantity.parse(value)));
        }
    }

    private static void probe(DescribeWriter w, String title, JsonNode probe) {
        if (probe.isMissingNode() || probe.isNull()) {
            return;
        }
        w.field(2, title, Probes.describe(probe));
    }

    private static void envFrom(DescribeWriter w, JsonNode envFrom) {
        w.write(2, "Environment Variables from:\n");
        for (JsonNode e : envFrom) {
            String from = "";
            JsonNode ref = null;
            if (e.has("configMapRef")) {
                from = "ConfigMap";
                ref = e.get("configMapRef");
            } else if (e.has("secretRef")) {
                from = "Secret";
                ref = e.get("secretRef");
            }
            String name = ref == null ? "" : ref.path("name").asText("");
            boolean optional = ref != null && ref.path("optional").asBoolean(false);
            String prefix = e.path("prefix").asText("");
            w.write(3, name + "\t" + from + (prefix.isEmpty() ? "" : " with prefix '" + prefix + "'")
                    + "\tOptional: " + optional + "\n");
        }
    }

    private static void mounts(DescribeWriter w, JsonNode volumeMounts) {
        if (volumeMounts.isEmpty()) {
            w.write(2, "Mounts:\t<none>\n");
            return;
        }
        w.write(2, "Mounts:\n");
        List<JsonNode> sorted = new ArrayList<>();
        volumeMounts.forEach(sorted::add);
        sorted.sort(Comparator.comparing(m -> m.path("mountPath").asText("")));
        for (JsonNode m : sorted) {
            List<String> flags = new ArrayList<>();
            flags.add(m.path("readOnly").asBoolean(false) ? "ro" : "rw");
            if (!m.path("subPath").asText("").isEmpty()) {
                flags.add("path=\"" + m.get("subPath").asText() + "\"");
            }
            w.write(3, m.path("mountPath").asText("") + " from " + m.path("name").asText("")
                    + " (" + String.join(",", flags) + ")\n");
        }
    }
}
