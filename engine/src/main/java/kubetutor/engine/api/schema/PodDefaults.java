package kubetutor.engine.api.schema;

import static kubetutor.engine.api.schema.Defaulter.JSON;
import static kubetutor.engine.api.schema.Defaulter.arr;
import static kubetutor.engine.api.schema.Defaulter.obj;
import static kubetutor.engine.api.schema.Defaulter.putIfMissing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Pod defaults: core/v1 SetDefaults_* for pod specs, and for pods the create-time admission plugins. */
final class PodDefaults {
    static final String TOKEN_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
    private static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");

    private PodDefaults() {}

    /** A pod being created: spec defaults, SetDefaults_Pod, admission, then the initial status. */
    static void pod(ObjectNode pod, DefaultingContext context) {
        ObjectNode spec = obj(pod, "spec");
        spec(spec);
        requestsFromLimits(spec);
        putIfMissing(spec, "enableServiceLinks", JSON.booleanNode(true));
        serviceAccount(pod, spec, context);
        // Priority admission: the two built-in classes, or priority 0 without one
        putIfMissing(spec, "priority", JSON.numberNode(switch (spec.path("priorityClassName").asText("")) {
            case "system-node-critical" -> 2000001000;
            case "system-cluster-critical" -> 2000000000;
            default -> 0;
        }));
        putIfMissing(spec, "preemptionPolicy", JSON.textNode("PreemptLowerPriority"));
        defaultTolerations(spec);
        ObjectNode status = obj(pod, "status");
        putIfMissing(status, "phase", JSON.textNode("Pending"));
        putIfMissing(status, "qosClass", JSON.textNode(QosClass.of(spec)));
    }

    /** Defaults of a pod spec, shared by pods and the templates of controllers. */
    static void spec(ObjectNode spec) {
        if (spec.path("volumes").isArray()) {
            spec.get("volumes").forEach(v -> volume((ObjectNode) v));
        }
        for (String list : CONTAINER_LISTS) {
            if (spec.path(list).isArray()) {
                spec.get(list).forEach(c -> container((ObjectNode) c));
            }
        }
        putIfMissing(spec, "restartPolicy", JSON.textNode("Always"));
        putIfMissing(spec, "terminationGracePeriodSeconds", JSON.numberNode(30));
        putIfMissing(spec, "dnsPolicy", JSON.textNode("ClusterFirst"));
        obj(spec, "securityContext");
        putIfMissing(spec, "schedulerName", JSON.textNode("default-scheduler"));
    }

    private static void container(ObjectNode c) {
        if (c.path("ports").isArray()) {
            c.get("ports").forEach(p -> putIfMissing((ObjectNode) p, "protocol", JSON.textNode("TCP")));
        }
        if (c.path("env").isArray()) {
            for (JsonNode e : c.get("env")) {
                JsonNode fieldRef = e.path("valueFrom").path("fieldRef");
                if (fieldRef instanceof ObjectNode ref) {
                    putIfMissing(ref, "apiVersion", JSON.textNode("v1"));
                }
            }
        }
        // resources is a plain struct without omitempty: it is always written, as {}
        obj(c, "resources");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            if (c.get(probe) instanceof ObjectNode p) {
                probe(p);
            }
        }
        putIfMissing(c, "terminationMessagePath", JSON.textNode("/dev/termination-log"));
        putIfMissing(c, "terminationMessagePolicy", JSON.textNode("File"));
        putIfMissing(c, "imagePullPolicy", JSON.textNode(pullPolicy(c.path("image").asText())));
    }

    private static void probe(ObjectNode p) {
        if (p.get("httpGet") instanceof ObjectNode http) {
            putIfMissing(http, "path", JSON.textNode("/"));
            putIfMissing(http, "scheme", JSON.textNode("HTTP"));
        }
        for (String[] d : new String[][] {{"timeoutSeconds", "1"}, {"periodSeconds", "10"},
                {"successThreshold", "1"}, {"failureThreshold", "3"}}) {
            if (p.path(d[0]).asLong(0) == 0) {
                p.put(d[0], Integer.parseInt(d[1]));
            }
        }
    }

    private static void volume(ObjectNode v) {
        for (String source : List.of("secret", "configMap", "projected", "downwardAPI")) {
            if (v.get(source) instanceof ObjectNode s) {
                putIfMissing(s, "defaultMode", JSON.numberNode(420));
            }
        }
        if (v.get("hostPath") instanceof ObjectNode h) {
            putIfMissing(h, "type", JSON.textNode(""));
        }
    }

    /** Always for :latest or untagged images (Docker's implied :latest), IfNotPresent otherwise. */
    static String pullPolicy(String image) {
        if (image.contains("@")) {
            return "IfNotPresent";
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        String tag = colon > slash ? image.substring(colon + 1) : "latest";
        return tag.equals("latest") ? "Always" : "IfNotPresent";
    }

    /** SetDefaults_Pod: a container with a limit but no request for a resource requests the limit. */
    private static void requestsFromLimits(ObjectNode spec) {
        for (String list : CONTAINER_LISTS) {
            for (JsonNode c : spec.path(list)) {
                JsonNode limits = c.path("resources").path("limits");
                if (limits.isObject() && !limits.isEmpty()) {
                    ObjectNode requests = obj((ObjectNode) c.get("resources"), "requests");
                    limits.fields().forEachRemaining(e -> {
                        if (!requests.has(e.getKey())) {
                            requests.set(e.getKey(), e.getValue().deepCopy());
                        }
                    });
                }
            }
        }
    }

    /** ServiceAccount admission: the default account and its projected token volume, mounted everywhere. */
    private static void serviceAccount(ObjectNode pod, ObjectNode spec, DefaultingContext context) {
        putIfMissing(spec, "serviceAccountName", JSON.textNode("default"));
        // v1 conversion mirrors the name into the deprecated field
        putIfMissing(spec, "serviceAccount", spec.get("serviceAccountName").deepCopy());
        if (spec.path("automountServiceAccountToken").isBoolean() && !spec.get("automountServiceAccountToken").asBoolean()) {
            return;
        }
        if (alreadyMounted(spec)) {
            return;
        }
        String name = "kube-api-access-" + context.randomSuffix(5);
        arr(spec, "volumes").add(tokenVolume(name));
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode c : spec.path(list)) {
                ObjectNode mount = JSON.objectNode();
                mount.put("name", name);
                mount.put("readOnly", true);
                mount.put("mountPath", TOKEN_MOUNT_PATH);
                arr((ObjectNode) c, "volumeMounts").add(mount);
            }
        }
    }

    private static boolean alreadyMounted(ObjectNode spec) {
        for (JsonNode c : spec.path("containers")) {
            for (JsonNode m : c.path("volumeMounts")) {
                if (m.path("mountPath").asText().equals(TOKEN_MOUNT_PATH)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ObjectNode tokenVolume(String name) {
        ObjectNode token = JSON.objectNode();
        token.put("expirationSeconds", 3607);
        token.put("path", "token");
        ObjectNode ca = JSON.objectNode();
        ca.put("name", "kube-root-ca.crt");
        ca.set("items", JSON.arrayNode().add(JSON.objectNode().put("key", "ca.crt").put("path", "ca.crt")));
        ObjectNode fieldRef = JSON.objectNode().put("apiVersion", "v1").put("fieldPath", "metadata.namespace");
        ObjectNode nsFile = JSON.objectNode().put("path", "namespace");
        nsFile.set("fieldRef", fieldRef);
        ObjectNode downward = JSON.objectNode();
        downward.set("items", JSON.arrayNode().add(nsFile));
        ArrayNode sources = JSON.arrayNode();
        sources.add(JSON.objectNode().set("serviceAccountToken", token));
        sources.add(JSON.objectNode().set("configMap", ca));
        sources.add(JSON.objectNode().set("downwardAPI", downward));
        ObjectNode projected = JSON.objectNode();
        projected.set("sources", sources);
        projected.put("defaultMode", 420);
        ObjectNode volume = JSON.objectNode().put("name", name);
        volume.set("projected", projected);
        return volume;
    }

    /** DefaultTolerationSeconds admission: five minutes on a not-ready or unreachable node, unless tolerated already. */
    private static void defaultTolerations(ObjectNode spec) {
        ArrayNode tolerations = arr(spec, "tolerations");
        for (String key : List.of("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable")) {
            boolean present = false;
            for (JsonNode t : tolerations) {
                String effect = t.path("effect").asText();
                boolean matches = t.path("key").asText().equals(key) || (t.path("key").asText().isEmpty()
                        && t.path("operator").asText().equals("Exists"));
                present |= matches && (effect.isEmpty() || effect.equals("NoExecute"));
            }
            if (!present) {
                ObjectNode t = JSON.objectNode().put("key", key).put("operator", "Exists").put("effect", "NoExecute");
                t.put("tolerationSeconds", 300);
                tolerations.add(t);
            }
        }
    }
}
