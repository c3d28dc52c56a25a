package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.kubectl.KubeConfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * The kubeconfig {@code kubectl config view} prints: kubeadm's admin.conf (one cluster, one user
 * with client certificates) plus the session's contexts. kubectl reads the file into maps, so
 * contexts come out sorted by name; certificate data shows as DATA+OMITTED unless --raw.
 */
final class ConfigView {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String OMITTED = "DATA+OMITTED";
    private static final String DEFAULT_SERVER = "https://192.168.56.10:6443";

    private ConfigView() {}

    /** The document in kubectl's YAML key order (sorted, as sigs.k8s.io/yaml writes it). */
    static ObjectNode yamlTree(KubeConfig kc, Cluster cluster, boolean minify, boolean raw) {
        ObjectNode doc = NODES.objectNode();
        doc.put("apiVersion", "v1");
        if (kc.hasAdmin()) {
            ObjectNode c = doc.putArray("clusters").addObject();
            c.putObject("cluster").put("certificate-authority-data", data(raw, "CERTIFICATE"))
                    .put("server", server(cluster));
            c.put("name", KubeConfig.CLUSTER);
        } else {
            doc.putNull("clusters"); // clientcmd writes an empty list as null
        }
        ArrayNode contexts = doc.putArray("contexts");
        for (KubeConfig.Context ctx : contexts(kc, minify)) {
            ObjectNode e = contexts.addObject();
            ObjectNode body = e.putObject("context");
            body.put("cluster", ctx.cluster());
            if (!ctx.namespace().isEmpty()) {
                body.put("namespace", ctx.namespace());
            }
            body.put("user", ctx.user());
            e.put("name", ctx.name());
        }
        if (contexts.isEmpty()) {
            doc.putNull("contexts");
        }
        doc.put("current-context", kc.currentContext());
        doc.put("kind", "Config");
        doc.putObject("preferences");
        if (kc.hasAdmin()) {
            ObjectNode u = doc.putArray("users").addObject();
            u.put("name", KubeConfig.USER);
            u.putObject("user").put("client-certificate-data", data(raw, "CERTIFICATE"))
                    .put("client-key-data", data(raw, "RSA PRIVATE KEY"));
        } else {
            doc.putNull("users");
        }
        return doc;
    }

    /** The same document in the Go struct order -o json follows (kind first, clusters' fields by struct). */
    static ObjectNode jsonTree(KubeConfig kc, Cluster cluster, boolean minify, boolean raw) {
        ObjectNode doc = NODES.objectNode();
        doc.put("kind", "Config");
        doc.put("apiVersion", "v1");
        doc.putObject("preferences");
        if (kc.hasAdmin()) {
            ObjectNode c = doc.putArray("clusters").addObject();
            c.put("name", KubeConfig.CLUSTER);
            c.putObject("cluster").put("server", server(cluster)).put("certificate-authority-data", data(raw, "CERTIFICATE"));
            ObjectNode u = doc.putArray("users").addObject();
            u.put("name", KubeConfig.USER);
            u.putObject("user").put("client-certificate-data", data(raw, "CERTIFICATE"))
                    .put("client-key-data", data(raw, "RSA PRIVATE KEY"));
        } else {
            doc.putNull("clusters");
            doc.putNull("users");
        }
        ArrayNode contexts = doc.putArray("contexts");
        for (KubeConfig.Context ctx : contexts(kc, minify)) {
            ObjectNode e = contexts.addObject();
            e.put("name", ctx.name());
            ObjectNode body = e.putObject("context").put("cluster", ctx.cluster()).put("user", ctx.user());
            if (!ctx.namespace().isEmpty()) {
                body.put("namespace", ctx.namespace());
            }
        }
        if (contexts.isEmpty()) {
            doc.putNull("contexts");
        }
        doc.put("current-context", kc.currentContext());
        return doc;
    }

    static List<KubeConfig.Context> contexts(KubeConfig kc, boolean minify) {
        List<KubeConfig.Context> all = new ArrayList<>(kc.contexts().values());
        if (minify) {
            all.removeIf(c -> !c.name().equals(kc.currentContext()));
        }
        all.sort(Comparator.comparing(KubeConfig.Context::name));
        return all;
    }

    /** The API server listens on the control-plane node's address (kubeadm's advertise address). */
    static String server(Cluster cluster) {
        return cluster.apiServerAddress().map(a -> "https://" + a).orElse(DEFAULT_SERVER);
    }

    /** There are no real keys behind the simulated cluster: --raw shows a PEM block that says so. */
    private static String data(boolean raw, String pemType) {
        if (!raw) {
            return OMITTED;
        }
        return Base64.getEncoder().encodeToString(pem(pemType));
    }

    /** The PEM block --raw shows; the client certificate's is also what the API server fingerprints (auth whoami). */
    static byte[] pem(String pemType) {
        return ("-----BEGIN " + pemType + "-----\nkubetutor simulated cluster: no real key material\n-----END "
                + pemType + "-----\n").getBytes(StandardCharsets.UTF_8);
    }
}
