package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.output.Output;

import java.util.List;

/**
 * kubectl cluster-info: the API server's address, then every service labelled
 * kubernetes.io/cluster-service=true in kube-system (kubeadm's kube-dns, shown by its
 * kubernetes.io/name "CoreDNS") with its API server proxy URL (kubectl/pkg/cmd/clusterinfo).
 */
public final class ClusterInfoVerb implements Verb {
    private static final CommandSpec DUMP = CommandSpec.of("dump", "Dump relevant information for debugging and diagnosis",
            List.of(FlagSpec.bool("all-namespaces", "A", "If true, dump all namespaces."),
                    FlagSpec.bool("allow-missing-template-keys", null, "If true, ignore any errors in templates.")
                            .withDefault("true"),
                    FlagSpec.many("namespaces", null, ValueKind.NAMESPACE, "A comma separated list of namespaces to dump."),
                    FlagSpec.value("output", "o", ValueKind.OUTPUT_FORMAT, "json", "Output format.").withDefault("json"),
                    FlagSpec.value("output-directory", null, ValueKind.FILE, "", "Where to output the files."),
                    FlagSpec.value("pod-running-timeout", null, ValueKind.DURATION, "20s",
                            "The length of time to wait until at least one pod is running"),
                    FlagSpec.bool("show-managed-fields", null, "If true, keep the managedFields."),
                    FlagSpec.value("template", null, ValueKind.TEXT, "", "Template string or path to template file.")));
    private static final CommandSpec SPEC = CommandSpec.of("cluster-info", "Display cluster information", List.of())
            .withSubcommands(List.of(DUMP));
    private static final String CLUSTER_SERVICE = "kubernetes.io/cluster-service";

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        List<String> positional = inv.args().positional();
        if (!positional.isEmpty() && positional.get(0).equals("dump")) {
            // A dump is every object and every container log of the cluster as JSON: pages of text that
            // teach nothing get, describe and logs do not show better.
            throw new UsageException("error: kubetutor does not simulate \"kubectl cluster-info dump\"; "
                    + "use kubectl get, describe and logs");
        }
        String host = ConfigView.server(inv.cluster());
        String namespace = inv.namespaceGiven() ? inv.namespace() : "kube-system";
        StringBuilder sb = new StringBuilder();
        line(sb, "Kubernetes control plane", host);
        for (ObjectNode service : inv.cluster().store().list(ResourceTypes.SERVICE, namespace)) {
            if (!"true".equals(Meta.labels(service).get(CLUSTER_SERVICE))) {
                continue;
            }
            String name = Meta.labels(service).getOrDefault("kubernetes.io/name", Meta.name(service));
            line(sb, name, link(host, service));
        }
        sb.append("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
        inv.sink().emit(new Output.Text(sb.toString(), Output.TextKind.MESSAGE));
        return 0;
    }

    private static void line(StringBuilder sb, String name, String link) {
        sb.append(name).append(" is running at ").append(link).append('\n');
    }

    /** A load balancer's ingress ports, or the API server's proxy path to the first port. */
    private static String link(String host, ObjectNode service) {
        JsonNode ingress = service.path("status").path("loadBalancer").path("ingress");
        if (ingress.size() > 0) {
            String ip = ingress.get(0).path("ip").asText("");
            if (ip.isEmpty()) {
                ip = ingress.get(0).path("hostname").asText("");
            }
            StringBuilder link = new StringBuilder();
            for (JsonNode port : service.path("spec").path("ports")) {
                link.append("http://").append(ip).append(':').append(port.path("port").asInt()).append(' ');
            }
            return link.toString();
        }
        String name = Meta.name(service);
        JsonNode ports = service.path("spec").path("ports");
        if (ports.size() > 0) {
            JsonNode port = ports.get(0);
            String portName = port.path("name").asText("");
            String scheme = portName.equals("https") || port.path("port").asInt() == 443 ? "https" : "";
            // utilnet.JoinSchemeNamePort: scheme:name:port, leaving out what is empty at either end
            if (!scheme.isEmpty()) {
                name = scheme + ":" + name + ":" + portName;
            } else if (!portName.isEmpty()) {
                name = name + ":" + portName;
            }
        }
        return host + "/api/v1/namespaces/" + Meta.namespace(service) + "/services/" + name + "/proxy";
    }
}
