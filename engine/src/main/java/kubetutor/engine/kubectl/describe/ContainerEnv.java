package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

/** describe.go describeContainerEnvVars: literal values, and where valueFrom values come from. */
final class ContainerEnv {
    private ContainerEnv() {}

    static void write(DescribeWriter w, JsonNode pod, JsonNode container) {
        JsonNode env = container.path("env");
        if (env.isEmpty()) {
            w.write(2, "Environment:\t<none>\n");
            return;
        }
        w.write(2, "Environment:\n");
        for (JsonNode e : env) {
            String name = e.path("name").asText("");
            JsonNode from = e.path("valueFrom");
            if (from.isMissingNode() || from.isNull()) {
                String[] lines = e.path("value").asText("").split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    w.write(3, (i == 0 ? name + ":" : "") + "\t" + lines[i] + "\n");
                }
            } else if (from.has("fieldRef")) {
                JsonNode ref = from.get("fieldRef");
                String path = ref.path("fieldPath").asText("");
                w.write(3, name + ":\t" + fieldValue(pod, path) + " (" + ref.path("apiVersion").asText("v1") + ":" + path + ")\n");
            } else if (from.has("resourceFieldRef")) {
                String resource = from.get("resourceFieldRef").path("resource").asText("");
                String value = resourceValue(container, resource);
                if (value.equals("0") && (resource.equals("limits.cpu") || resource.equals("limits.memory"))) {
                    value = "node allocatable";
                }
                w.write(3, name + ":\t" + value + " (" + resource + ")\n");
            } else if (from.has("secretKeyRef")) {
                JsonNode ref = from.get("secretKeyRef");
                w.write(3, name + ":\t<set to the key '" + ref.path("key").asText("") + "' in secret '"
                        + ref.path("name").asText("") + "'>\tOptional: " + ref.path("optional").asBoolean(false) + "\n");
            } else if (from.has("configMapKeyRef")) {
                JsonNode ref = from.get("configMapKeyRef");
                w.write(3, name + ":\t<set to the key '" + ref.path("key").asText("") + "' of config map '"
                        + ref.path("name").asText("") + "'>\tOptional: " + ref.path("optional").asBoolean(false) + "\n");
            }
        }
    }

    /**
     * The downward API field paths a pod's env may name (fieldpath.ExtractFieldPathAsString). A pod
     * template has no pod ({@code pod} null): kubectl then has no resolver and prints nothing.
     */
    private static String fieldValue(JsonNode pod, String path) {
        if (pod == null) {
            return "";
        }
        JsonNode meta = pod.path("metadata");
        if (path.startsWith("metadata.labels['") && path.endsWith("']")) {
            return meta.path("labels").path(path.substring(17, path.length() - 2)).asText("");
        }
        if (path.startsWith("metadata.annotations['") && path.endsWith("']")) {
            return meta.path("annotations").path(path.substring(22, path.length() - 2)).asText("");
        }
        return switch (path) {
            case "metadata.name" -> meta.path("name").asText("");
            case "metadata.namespace" -> meta.path("namespace").asText("");
            case "metadata.uid" -> meta.path("uid").asText("");
            case "spec.nodeName" -> pod.path("spec").path("nodeName").asText("");
            case "spec.serviceAccountName" -> pod.path("spec").path("serviceAccountName").asText("");
            case "status.hostIP" -> pod.path("status").path("hostIP").asText("");
            case "status.podIP" -> pod.path("status").path("podIP").asText("");
            default -> "";
        };
    }

    /** resourceFieldRef with the default divisor of 1: CPU rounds up to whole cores. */
    private static String resourceValue(JsonNode container, String resource) {
        int dot = resource.indexOf('.');
        if (dot < 0) {
            return "";
        }
        Quantity q = Quantity.parse(container.path("resources").path(resource.substring(0, dot))
                .path(resource.substring(dot + 1)).asText(""));
        return String.valueOf(q.wholeValue());
    }
}
