package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.format.YamlToJson;
import kubetutor.engine.format.YamlWriter;
import kubetutor.engine.kubectl.KubeConfig;

/**
 * The kubeconfig as a file in the tutor's home ({@code ~/.kube/config}): kubeadm's admin.conf, which
 * kubectl reads before every command and {@code kubectl config set-context/use-context} writes back
 * (clientcmd writes the same document {@code config view --raw} prints). A learner may edit it with
 * vi, as the course does to change the default namespace.
 */
public final class KubeConfigFile {
    /** Where kubectl looks by default, $HOME/.kube/config, in the tutor's home. */
    public static final String PATH = "/root/.kube/config";

    private KubeConfigFile() {}

    /** The file's text for {@code kc}: what kubeadm init writes, with the session's contexts. */
    public static String text(KubeConfig kc, Cluster cluster) {
        return YamlWriter.write(ConfigView.yamlTree(kc, cluster, false, true));
    }

    /**
     * The contexts and current context {@code text} holds, or the error kubectl gives for it
     * (clientcmd's loader wraps what the decoder says with the file's name).
     */
    public static KubeConfig parse(String text) {
        return parse(text, PATH);
    }

    /** {@link #parse(String)} for the file {@code file} (--kubeconfig, $KUBECONFIG), which its errors name. */
    public static KubeConfig parse(String text, String file) {
        JsonNode tree;
        try {
            tree = YamlToJson.convert(text);
        } catch (YamlToJson.Failure e) {
            throw loadError(file, e.getMessage().replaceFirst("^error converting YAML to JSON: ", ""));
        }
        KubeConfig kc = new KubeConfig();
        if (tree.isNull() || tree.isMissingNode()) {
            kc.contexts().clear();
            kc.use("");
            kc.hasAdmin(false);
            kc.servedClusters().clear();
            return kc;
        }
        if (!tree.isObject()) {
            String type = tree.isArray() ? "array" : tree.isNumber() ? "number" : tree.isBoolean() ? "bool" : "string";
            throw loadError(file, "couldn't get version/kind; json parse error: json: cannot unmarshal " + type
                    + " into Go value of type struct { APIVersion string \"json:\\\"apiVersion,omitempty\\\"\"; Kind string"
                    + " \"json:\\\"kind,omitempty\\\"\" }");
        }
        kc.contexts().clear();
        kc.hasAdmin(tree.path("clusters").size() + tree.path("users").size() > 0);
        kc.servedClusters().clear();
        for (JsonNode c : tree.path("clusters")) {
            if (!c.path("cluster").path("server").asText("").isEmpty()) {
                kc.servedClusters().add(c.path("name").asText(""));
            }
        }
        for (JsonNode e : tree.path("contexts")) {
            JsonNode body = e.path("context");
            kc.put(new KubeConfig.Context(e.path("name").asText(""), body.path("cluster").asText(""),
                    body.path("user").asText(""), body.path("namespace").asText("")));
        }
        kc.use(tree.path("current-context").asText(""));
        return kc;
    }

    private static UsageException loadError(String file, String why) {
        return new UsageException("error: error loading config file \"" + file + "\": " + why);
    }

    /**
     * Why a command that talks to the server cannot, with this kubeconfig, or null: kubectl checks
     * the current context exists; with none at all, or with a context whose cluster the file does
     * not hold (or holds without a server), client-go falls back to localhost:8080, where nothing listens.
     */
    public static String unusable(KubeConfig kc) {
        String refused = "The connection to the server localhost:8080 was refused - did you specify the right host or port?";
        if (kc.currentContext().isEmpty()) {
            return refused;
        }
        KubeConfig.Context context = kc.context(kc.currentContext());
        if (context == null) {
            return "Error in configuration: context was not found for specified context: " + kc.currentContext();
        }
        return kc.servedClusters().contains(context.cluster()) ? null : refused;
    }
}
