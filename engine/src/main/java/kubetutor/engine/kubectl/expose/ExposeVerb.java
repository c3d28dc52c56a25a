package kubetutor.engine.kubectl.expose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.format.DryRunObjects;
import kubetutor.engine.format.JsonWriter;
import kubetutor.engine.format.YamlWriter;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Targets;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubectl.printer.TemplateOutput;
import kubetutor.engine.output.Output;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kubectl expose: a Service for a pod, replication controller, replica set, deployment or service,
 * its selector, ports, protocols and labels read off the object unless flags give them
 * ("service/http-go exposed").
 */
public final class ExposeVerb implements Verb {
    private static final Set<String> EXPOSABLE = Set.of("Pod", "Service", "ReplicationController", "ReplicaSet", "Deployment");
    private static final String USAGE_HINT = "\nSee 'kubectl expose -h' for help and examples";

    private static final CommandSpec SPEC = CommandSpec.of("expose",
            "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service",
            List.of(TemplateOutput.ALLOW_MISSING_KEYS,
                    FlagSpec.value("cluster-ip", null, ValueKind.TEXT, "", "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service."),
                    DryRun.FLAG,
                    FlagSpec.value("external-ip", null, ValueKind.TEXT, "", "Additional external IP address (not managed by Kubernetes) to accept for the service."),
                    FlagSpec.value("field-manager", null, ValueKind.TEXT, "kubectl-expose", "Name of the manager used to track field ownership."),
                    FlagSpec.many("filename", "f", ValueKind.FILE, "Filename, directory, or URL to files identifying the resource to expose a service"),
                    FlagSpec.value("labels", "l", ValueKind.TEXT, "", "Labels to apply to the service created by this call."),
                    FlagSpec.value("load-balancer-ip", null, ValueKind.TEXT, "", "IP to assign to the LoadBalancer."),
                    FlagSpec.value("name", null, ValueKind.TEXT, "", "The name for the newly created object."),
                    FlagSpec.choice("output", "o", "", "Output format.", "json", "yaml", "name", "jsonpath="),
                    FlagSpec.value("port", null, ValueKind.TEXT, "", "The port that the service should serve on."),
                    FlagSpec.choice("protocol", null, "", "The network protocol for the service to be created.", "TCP", "UDP", "SCTP"),
                    FlagSpec.bool("save-config", null, "If true, the configuration of current object will be saved in its annotation."),
                    FlagSpec.value("selector", null, ValueKind.TEXT, "", "A label selector to use for this service."),
                    FlagSpec.choice("session-affinity", null, "", "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'", "None", "ClientIP"),
                    FlagSpec.value("target-port", null, ValueKind.TEXT, "", "Name or number for the port on the container that the service should direct traffic to."),
                    TemplateOutput.TEMPLATE,
                    FlagSpec.value("type", null, ValueKind.SERVICE_TYPE, "", "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName.")),
            ValueKind.RESOURCE_TYPE, ValueKind.OBJECT_NAME);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        String output = ObjectWrites.outputFormat(inv);
        DryRun dryRun = DryRun.of(inv);
        List<String> words = inv.args().positional();
        if (words.isEmpty() && inv.args().all("filename").isEmpty()) {
            throw new UsageException(Targets.NONE_GIVEN);
        }
        Targets.Found found = Targets.resolve(inv, words, false);
        if (!found.errors().isEmpty()) {
            throw found.errors().get(0);
        }
        for (Targets.Target t : found.targets()) {
            expose(inv, t, dryRun, output);
        }
        return 0;
    }

    private void expose(Invocation inv, Targets.Target t, DryRun dryRun, String output) {
        String kind = t.type().kind();
        if (!EXPOSABLE.contains(kind)) {
            throw new UsageException("error: cannot expose a " + kind + (t.type().group().isEmpty() ? "" : "." + t.type().group()));
        }
        JsonNode obj = t.object();
        String selector = inv.args().get("selector", "");
        if (selector.isEmpty()) {
            try {
                selector = Introspection.selector(kind, obj);
            } catch (Introspection.Refused e) {
                // plain errors in expose.go, not usage errors: no "See 'kubectl expose -h'" line
                throw new UsageException("error: couldn't retrieve selectors via --selector flag or introspection: "
                        + e.getMessage());
            }
        }
        boolean headless = inv.args().get("cluster-ip", "").equals("None");
        String ports = inv.args().get("port", "");
        if (ports.isEmpty()) {
            List<String> found = Introspection.ports(kind, obj);
            if (found.isEmpty() && !headless) {
                throw new UsageException("error: couldn't find port via --port flag or introspection");
            }
            ports = String.join(",", found);
        }
        Map<String, List<String>> protocols = Introspection.protocols(kind, obj);
        String labels = inv.args().has("labels") ? inv.args().get("labels")
                : Introspection.format(Meta.stringMap(obj.path("metadata").path("labels")));
        String name = inv.args().get("name", "");
        if (name.isEmpty()) {
            name = t.name().length() > 63 ? t.name().substring(0, 63) : t.name();
        }
        ObjectNode svc;
        try {
            if (ports.isEmpty()) {
                throw new IllegalArgumentException("'ports' or 'port' is a required parameter");
            }
            ObjectNode spec = new ServiceFromFlags(ports, inv.args().get("protocol", ""), protocols, selector,
                    inv.args().get("target-port", ""), inv.args().get("type", ""), inv.args().get("external-ip", ""),
                    inv.args().get("load-balancer-ip", ""), inv.args().get("session-affinity", ""),
                    inv.args().get("cluster-ip", "")).spec();
            ObjectNode labelMap = ServiceFromFlags.labels(labels);
            svc = DryRunObjects.service(name, inv.namespaceGiven() && dryRun == DryRun.CLIENT ? inv.namespace() : null,
                    labelMap.isEmpty() ? null : labelMap, spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException("error: " + e.getMessage());
        }
        if (dryRun == DryRun.CLIENT) {
            printClient(inv, svc, output, dryRun);
            return;
        }
        Meta.metadata(svc).put("namespace", inv.namespace());
        ObjectNode created;
        try {
            created = inv.cluster().api().create(ResourceTypes.SERVICE, svc, dryRun == DryRun.SERVER);
        } catch (ApiException e) {
            throw new UsageException(e.kubectlMessage());
        }
        ObjectWrites.printObject(inv, ResourceTypes.SERVICE, created, "exposed", dryRun, output);
    }

    /** The client-built object prints as kubectl's typed structs do: JSON in struct order. */
    private static void printClient(Invocation inv, ObjectNode svc, String output, DryRun dryRun) {
        if (TemplateOutput.isJsonPath(output)) {
            TemplateOutput.of(inv, output, TemplateOutput.WRITE_FORMATS).print(svc);
            return;
        }
        switch (output) {
            case "yaml" -> inv.sink().emit(new Output.Text(YamlWriter.write(svc), Output.TextKind.YAML));
            case "json" -> inv.sink().emit(new Output.Text(JsonWriter.write(svc), Output.TextKind.JSON));
            case "name" -> inv.out("service/" + Meta.name(svc));
            default -> inv.out("service/" + Meta.name(svc) + " exposed" + dryRun.suffix());
        }
    }
}
