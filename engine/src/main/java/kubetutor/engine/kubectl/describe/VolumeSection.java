package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * describe.go describeVolumes for the volume kinds kubetutor's pods use. The projected block is
 * kubectl 1.32's (ConfigMapOptional printed as Go's nil pointer "<nil>"; 1.33 switched to "Optional").
 */
final class VolumeSection {
    private VolumeSection() {}

    static void write(DescribeWriter w, JsonNode volumes) {
        write(w, "", volumes);
    }

    /**
     * With {@code space} (a pod template's "  "), the title is indented by it and each volume's name
     * by one more space, as describe.go's describeVolumes does; the volume details stay where they are.
     */
    static void write(DescribeWriter w, String space, JsonNode volumes) {
        if (volumes.isEmpty()) {
            w.write(0, space + "Volumes:\t<none>\n");
            return;
        }
        w.write(0, space + "Volumes:\n");
        String nameIndent = space.isEmpty() ? "" : " ";
        for (JsonNode v : volumes) {
            w.write(1, nameIndent + v.path("name").asText("") + ":\n");
            if (v.has("hostPath")) {
                JsonNode h = v.get("hostPath");
                String type = h.path("type").isTextual() ? h.get("type").asText() : "<none>";
                w.write(2, "Type:\tHostPath (bare host directory volume)\n"
                        + "    Path:\t" + h.path("path").asText("") + "\n"
                        + "    HostPathType:\t" + type + "\n");
            } else if (v.has("emptyDir")) {
                JsonNode e = v.get("emptyDir");
                Quantity size = Quantity.parse(e.path("sizeLimit").asText(""));
                w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n"
                        + "    Medium:\t" + e.path("medium").asText("") + "\n"
                        + "    SizeLimit:\t" + (size.value().signum() > 0 ? size.toString() : "<unset>") + "\n");
            } else if (v.has("secret")) {
                JsonNode s = v.get("secret");
                w.write(2, "Type:\tSecret (a volume populated by a Secret)\n"
                        + "    SecretName:\t" + s.path("secretName").asText("") + "\n"
                        + "    Optional:\t" + s.path("optional").asBoolean(false) + "\n");
            } else if (v.has("configMap")) {
                JsonNode c = v.get("configMap");
                w.write(2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n"
                        + "    Name:\t" + c.path("name").asText("") + "\n"
                        + "    Optional:\t" + c.path("optional").asBoolean(false) + "\n");
            } else if (v.has("persistentVolumeClaim")) {
                JsonNode c = v.get("persistentVolumeClaim");
                w.write(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n"
                        + "    ClaimName:\t" + c.path("claimName").asText("") + "\n"
                        + "    ReadOnly:\t" + c.path("readOnly").asBoolean(false) + "\n");
            } else if (v.has("downwardAPI")) {
                w.write(2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
                for (JsonNode item : v.get("downwardAPI").path("items")) {
                    if (item.has("fieldRef")) {
                        w.write(3, item.get("fieldRef").path("fieldPath").asText("") + " -> " + item.path("path").asText("") + "\n");
                    }
                    if (item.has("resourceFieldRef")) {
                        w.write(3, item.get("resourceFieldRef").path("resource").asText("") + " -> " + item.path("path").asText("") + "\n");
                    }
                }
            } else if (v.has("projected")) {
                projected(w, v.get("projected"));
            } else {
                w.write(1, "<unknown>\n");
            }
        }
    }

    private static void projected(DescribeWriter w, JsonNode projected) {
        w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
        for (JsonNode source : projected.path("sources")) {
            if (source.has("secret")) {
                JsonNode s = source.get("secret");
                w.write(2, "SecretName:\t" + s.path("name").asText("") + "\n"
                        + "    SecretOptionalName:\t" + goPointer(s.path("optional")) + "\n");
            } else if (source.has("downwardAPI")) {
                w.write(2, "DownwardAPI:\ttrue\n");
            } else if (source.has("configMap")) {
                JsonNode c = source.get("configMap");
                w.write(2, "ConfigMapName:\t" + c.path("name").asText("") + "\n"
                        + "    ConfigMapOptional:\t" + goPointer(c.path("optional")) + "\n");
            } else if (source.has("serviceAccountToken")) {
                w.write(2, "TokenExpirationSeconds:\t" + source.get("serviceAccountToken").path("expirationSeconds").asLong() + "\n");
            }
        }
    }

    /**
     * 1.32 formats the *bool with %v: "<nil>" when unset. When set, Go prints the pointer's address
     * (kubectl issue 1694); kubetutor shows a fixed address-like value rather than inventing one.
     */
    private static String goPointer(JsonNode optional) {
        return optional.isBoolean() ? "0xc000a1b2c8" : "<nil>";
    }
}
