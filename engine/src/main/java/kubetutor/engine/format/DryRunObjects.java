package kubetutor.engine.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The objects kubectl 1.32 builds on the client for {@code create namespace|deployment|configmap|
 * serviceaccount} and {@code run}, field for field: what {@code --dry-run=client -o yaml|json} prints
 * and what is sent to the API server. kubectl serialises typed Go structs, so keys follow the
 * struct order (kind before apiVersion) and unset pointer fields like creationTimestamp print as
 * null, which 1.32 still shows.
 */
public final class DryRunObjects {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DryRunObjects() {
    }

    /** {@code kubectl run} flags that shape the pod. {@code labels} null means the default run=NAME. */
    public record RunSpec(String name, String namespace, String image, Integer port, Map<String, String> labels,
                          List<String> env, String restartPolicy, boolean command, List<String> args) {
    }

    /** {@code kubectl create configmap}: data is omitted when empty (Go's omitempty on a map). */
    public static ObjectNode configMap(String name, String namespace, Map<String, String> data) {
        ObjectNode cm = typed("ConfigMap", "v1");
        cm.set("metadata", metadata(name, namespace, null));
        if (!data.isEmpty()) {
            ObjectNode d = cm.putObject("data");
            data.forEach(d::put);
        }
        return cm;
    }

    public static ObjectNode serviceAccount(String name, String namespace) {
        ObjectNode sa = typed("ServiceAccount", "v1");
        sa.set("metadata", metadata(name, namespace, null));
        return sa;
    }

    /** A Service as kubectl's expose and create service build it: the spec comes in struct order. */
    public static ObjectNode service(String name, String namespace, ObjectNode labels, ObjectNode spec) {
        ObjectNode svc = typed("Service", "v1");
        svc.set("metadata", metadata(name, namespace, labels));
        svc.set("spec", spec);
        svc.putObject("status").putObject("loadBalancer");
        return svc;
    }

    public static ObjectNode namespace(String name) {
        ObjectNode ns = typed("Namespace", "v1");
        ns.set("metadata", metadata(name, null, null));
        ns.putObject("spec");
        ns.putObject("status");
        return ns;
    }

    /**
     * {@code kubectl create deployment NAME --image=...}; {@code port} null when --port is absent.
     * {@code suffix} gives the 5 random characters kubectl appends to container names it had to
     * sanitise (image "my_app" becomes container "my-app-xxxxx").
     */
    public static ObjectNode deployment(String name, String namespace, List<String> images, int replicas,
                                        Integer port, List<String> command, Supplier<String> suffix) {
        ObjectNode d = typed("Deployment", "apps/v1");
        ObjectNode labels = NODES.objectNode().put("app", name);
        d.set("metadata", metadata(name, namespace, labels));
        ObjectNode spec = d.putObject("spec");
        spec.put("replicas", replicas);
        spec.putObject("selector").set("matchLabels", labels.deepCopy());
        ObjectNode template = spec.putObject("template");
        template.set("metadata", metadata(null, null, labels.deepCopy()));
        ArrayNode containers = template.putObject("spec").putArray("containers");
        for (String image : images) {
            ObjectNode c = containers.addObject();
            c.put("name", containerName(image, suffix));
            c.put("image", image);
            if (!command.isEmpty()) {
                strings(c.putArray("command"), command);
            }
            if (port != null && containers.size() == 1) {
                c.putArray("ports").addObject().put("containerPort", port);
            }
            c.putObject("resources");
        }
        spec.putObject("strategy");
        d.putObject("status");
        return d;
    }

    public static ObjectNode pod(RunSpec run) {
        ObjectNode pod = typed("Pod", "v1");
        ObjectNode labels = NODES.objectNode();
        if (run.labels() == null) {
            labels.put("run", run.name());
        } else {
            run.labels().forEach(labels::put);
        }
        pod.set("metadata", metadata(run.name(), run.namespace(), labels));
        ObjectNode spec = pod.putObject("spec");
        ObjectNode c = spec.putArray("containers").addObject();
        c.put("name", run.name());
        c.put("image", run.image());
        if (!run.args().isEmpty()) {
            strings(c.putArray(run.command() ? "command" : "args"), run.args());
        }
        if (run.port() != null) {
            c.putArray("ports").addObject().put("containerPort", run.port());
        }
        if (!run.env().isEmpty()) {
            ArrayNode env = c.putArray("env");
            for (String kv : run.env()) {
                int eq = kv.indexOf('=');
                env.addObject().put("name", kv.substring(0, eq)).put("value", kv.substring(eq + 1));
            }
        }
        c.putObject("resources");
        spec.put("restartPolicy", run.restartPolicy() == null ? "Always" : run.restartPolicy());
        spec.put("dnsPolicy", "ClusterFirst");
        pod.putObject("status");
        return pod;
    }

    /**
     * kubectl's rule (create_deployment.go buildPodSpec): the last path element of the image,
     * without tag or digest; if it holds '_' or '.', those become '-' and a random suffix is added.
     */
    public static String containerName(String image, Supplier<String> suffix) {
        String name = image.substring(image.lastIndexOf('/') + 1);
        int colon = name.indexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        if (name.indexOf('_') >= 0 || name.indexOf('.') >= 0) {
            name = name.replace('_', '-').replace('.', '-') + "-" + suffix.get();
        }
        return name;
    }

    private static ObjectNode typed(String kind, String apiVersion) {
        ObjectNode o = NODES.objectNode();
        o.put("kind", kind);
        o.put("apiVersion", apiVersion);
        return o;
    }

    /** ObjectMeta in struct order; namespace only when given with -n (kubectl's EnforceNamespace). */
    private static ObjectNode metadata(String name, String namespace, ObjectNode labels) {
        ObjectNode m = NODES.objectNode();
        if (name != null) {
            m.put("name", name);
        }
        if (namespace != null) {
            m.put("namespace", namespace);
        }
        m.putNull("creationTimestamp");
        if (labels != null) {
            m.set("labels", labels);
        }
        return m;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
