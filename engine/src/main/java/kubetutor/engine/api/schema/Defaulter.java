package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ResourceType;

/**
 * Fills in what the 1.32 API server fills in on create: the registered defaulters of core/v1 and
 * apps/v1, plus the default admission plugins that touch our kinds (ServiceAccount, Priority,
 * DefaultTolerationSeconds). Afterwards every struct's keys are put in Go struct order.
 * Server-assigned identity (uid, resourceVersion, creationTimestamp, clusterIP) is the store's job.
 */
public final class Defaulter {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Schema schema;

    public Defaulter(Schema schema) {
        this.schema = schema;
    }

    public void apply(ResourceType kind, ObjectNode object, DefaultingContext context) {
        switch (kind.kind()) {
            case "Pod" -> PodDefaults.pod(object, context);
            case "Deployment" -> deployment(object);
            case "ReplicaSet" -> replicaSet(object);
            case "ReplicationController" -> replicationController(object);
            case "DaemonSet" -> daemonSet(object);
            case "Secret" -> secret(object);
            case "Service" -> service(object);
            case "Namespace" -> namespace(object);
            default -> { }
        }
        schema.reorder(kind, object);
    }

    private static void deployment(ObjectNode d) {
        ObjectNode spec = obj(d, "spec");
        putIfMissing(spec, "replicas", JSON.numberNode(1));
        ObjectNode strategy = obj(spec, "strategy");
        putIfMissing(strategy, "type", JSON.textNode("RollingUpdate"));
        if (strategy.path("type").asText().equals("RollingUpdate")) {
            ObjectNode rolling = obj(strategy, "rollingUpdate");
            putIfMissing(rolling, "maxUnavailable", JSON.textNode("25%"));
            putIfMissing(rolling, "maxSurge", JSON.textNode("25%"));
        }
        putIfMissing(spec, "revisionHistoryLimit", JSON.numberNode(10));
        putIfMissing(spec, "progressDeadlineSeconds", JSON.numberNode(600));
        template(spec);
        obj(d, "status");
    }

    private static void replicaSet(ObjectNode rs) {
        ObjectNode spec = obj(rs, "spec");
        putIfMissing(spec, "replicas", JSON.numberNode(1));
        template(spec);
        ObjectNode status = obj(rs, "status");
        putIfMissing(status, "replicas", JSON.numberNode(0));
    }

    /** core/v1 still copies the template's labels to an empty selector and to the object's own labels. */
    private static void replicationController(ObjectNode rc) {
        ObjectNode spec = obj(rc, "spec");
        JsonNode templateLabels = spec.path("template").path("metadata").path("labels");
        if (templateLabels.isObject() && !templateLabels.isEmpty()) {
            if (spec.path("selector").isEmpty()) {
                spec.set("selector", templateLabels.deepCopy());
            }
            ObjectNode meta = obj(rc, "metadata");
            if (meta.path("labels").isEmpty()) {
                meta.set("labels", templateLabels.deepCopy());
            }
        }
        putIfMissing(spec, "replicas", JSON.numberNode(1));
        template(spec);
        ObjectNode status = obj(rc, "status");
        putIfMissing(status, "replicas", JSON.numberNode(0));
    }

    /** apps/v1 SetDefaults_DaemonSet, the registry's template generation, and the status a new one has. */
    private static void daemonSet(ObjectNode ds) {
        ObjectNode spec = obj(ds, "spec");
        ObjectNode strategy = obj(spec, "updateStrategy");
        putIfMissing(strategy, "type", JSON.textNode("RollingUpdate"));
        if (strategy.path("type").asText().equals("RollingUpdate")) {
            ObjectNode rolling = obj(strategy, "rollingUpdate");
            putIfMissing(rolling, "maxUnavailable", JSON.numberNode(1));
            putIfMissing(rolling, "maxSurge", JSON.numberNode(0));
        }
        putIfMissing(spec, "revisionHistoryLimit", JSON.numberNode(10));
        // the template is a struct, not a pointer, in Go: an absent one is defaulted like any other
        obj(spec, "template");
        template(spec);
        TemplateGeneration.onCreate(ds);
        // the four counts without omitempty in Go's DaemonSetStatus
        ObjectNode status = obj(ds, "status");
        for (String count : new String[] {"currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady"}) {
            putIfMissing(status, count, JSON.numberNode(0));
        }
    }

    /**
     * SetDefaults_Secret, and the v1 conversion that folds stringData into data: stringData is
     * write-only, its values win over data's and are stored base64-encoded.
     */
    private static void secret(ObjectNode secret) {
        putIfMissing(secret, "type", JSON.textNode("Opaque"));
        JsonNode stringData = secret.remove("stringData");
        if (stringData != null && stringData.isObject() && !stringData.isEmpty()) {
            ObjectNode data = obj(secret, "data");
            stringData.fields().forEachRemaining(e -> data.put(e.getKey(),
                    java.util.Base64.getEncoder().encodeToString(e.getValue().asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
    }

    private static void template(ObjectNode spec) {
        if (spec.path("template").isObject()) {
            ObjectNode template = (ObjectNode) spec.get("template");
            ObjectNode meta = obj(template, "metadata");
            // a typed ObjectMeta marshals its zero creationTimestamp as null in 1.32
            putIfMissing(meta, "creationTimestamp", JSON.nullNode());
            PodDefaults.spec(obj(template, "spec"));
        }
    }

    private static void service(ObjectNode svc) {
        ObjectNode spec = obj(svc, "spec");
        putIfMissing(spec, "type", JSON.textNode("ClusterIP"));
        String type = spec.path("type").asText();
        putIfMissing(spec, "sessionAffinity", JSON.textNode("None"));
        if (spec.path("ports").isArray()) {
            for (JsonNode p : spec.get("ports")) {
                if (p instanceof ObjectNode port) {
                    putIfMissing(port, "protocol", JSON.textNode("TCP"));
                    if (!port.hasNonNull("targetPort") && port.has("port")) {
                        port.set("targetPort", port.get("port").deepCopy());
                    }
                }
            }
        }
        if (!type.equals("ExternalName")) {
            if (type.equals("NodePort") || type.equals("LoadBalancer")) {
                putIfMissing(spec, "externalTrafficPolicy", JSON.textNode("Cluster"));
            }
            if (type.equals("LoadBalancer")) {
                putIfMissing(spec, "allocateLoadBalancerNodePorts", JSON.booleanNode(true));
            }
            // single-stack IPv4 cluster: the registry picks the family and policy; a headless Service
            // without a selector is the registry's one exception, asking for both families
            boolean headlessSelectorless = spec.path("clusterIP").asText("").equals("None") && spec.path("selector").isEmpty();
            putIfMissing(spec, "ipFamilyPolicy", JSON.textNode(headlessSelectorless ? "RequireDualStack" : "SingleStack"));
            if (!spec.has("ipFamilies")) {
                ArrayNode families = JSON.arrayNode().add("IPv4");
                if (!spec.path("ipFamilyPolicy").asText().equals("SingleStack") && headlessSelectorless) {
                    families.add("IPv6");
                }
                spec.set("ipFamilies", families);
            }
            putIfMissing(spec, "internalTrafficPolicy", JSON.textNode("Cluster"));
        }
        obj(obj(svc, "status"), "loadBalancer");
    }

    private static void namespace(ObjectNode ns) {
        ObjectNode meta = obj(ns, "metadata");
        // NamespaceDefaultLabelName: the API server always (re)sets this label to the name
        obj(meta, "labels").put("kubernetes.io/metadata.name", meta.path("name").asText());
        ObjectNode spec = obj(ns, "spec");
        if (!spec.has("finalizers")) {
            spec.set("finalizers", JSON.arrayNode().add("kubernetes"));
        }
        putIfMissing(obj(ns, "status"), "phase", JSON.textNode("Active"));
    }

    // ---- small tree helpers shared with PodDefaults ----

    /** The object at {@code key}, created empty when missing. */
    static ObjectNode obj(ObjectNode parent, String key) {
        JsonNode n = parent.get(key);
        if (n instanceof ObjectNode o) {
            return o;
        }
        ObjectNode created = JSON.objectNode();
        parent.set(key, created);
        return created;
    }

    static ArrayNode arr(ObjectNode parent, String key) {
        JsonNode n = parent.get(key);
        if (n instanceof ArrayNode a) {
            return a;
        }
        ArrayNode created = JSON.arrayNode();
        parent.set(key, created);
        return created;
    }

    static void putIfMissing(ObjectNode node, String key, JsonNode value) {
        if (!node.hasNonNull(key) || (value.isTextual() && node.get(key).asText().isEmpty())) {
            node.set(key, value);
        }
    }
}
