package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.schema.Names;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.format.DryRunObjects;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Help;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectWrites;

import java.util.List;

/**
 * {@code kubectl create service clusterip|nodeport|loadbalancer|externalname NAME --tcp=port:target}:
 * a Service selecting app=NAME, each --tcp pair a port named after it ("80-8080"), as kubectl's
 * create_service.go builds it.
 */
final class CreateService {
    private static final FlagSpec TCP = FlagSpec.many("tcp", null, ValueKind.TEXT, "Port pairs can be specified as '<port>:<targetPort>'.");

    private static final CommandSpec CLUSTER_IP = new CommandSpec("clusterip", List.of(), "Create a ClusterIP service",
            CreateSubcommands.concat(List.of(FlagSpec.value("clusterip", null, ValueKind.TEXT, "",
                    "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)."), TCP),
                    CreateSubcommands.COMMON), List.of(ValueKind.TEXT), List.of());
    private static final CommandSpec EXTERNAL_NAME = new CommandSpec("externalname", List.of(), "Create an ExternalName service",
            CreateSubcommands.concat(List.of(FlagSpec.value("external-name", null, ValueKind.TEXT, "",
                    "External name of service"), TCP), CreateSubcommands.COMMON), List.of(ValueKind.TEXT), List.of());
    private static final CommandSpec LOAD_BALANCER = new CommandSpec("loadbalancer", List.of(), "Create a LoadBalancer service",
            CreateSubcommands.concat(List.of(TCP), CreateSubcommands.COMMON), List.of(ValueKind.TEXT), List.of());
    private static final CommandSpec NODE_PORT = new CommandSpec("nodeport", List.of(), "Create a NodePort service",
            CreateSubcommands.concat(List.of(FlagSpec.value("node-port", null, ValueKind.INT32, "0",
                    "Port used to expose the service on each node in a cluster."), TCP), CreateSubcommands.COMMON),
            List.of(ValueKind.TEXT), List.of());

    static final CommandSpec SPEC = new CommandSpec("service", List.of("svc"), "Create a service using a specified subcommand",
            List.of(), List.of(), List.of(CLUSTER_IP, EXTERNAL_NAME, LOAD_BALANCER, NODE_PORT));

    private CreateService() {}

    static int run(Invocation inv) {
        List<String> words = inv.args().positional();
        if (words.size() < 2) {
            // a command group run bare prints its help on standard error and fails (DefaultSubCommandRun)
            inv.err(Help.command(List.of(Help.ROOT, CommandSpec.of("create", "", List.of()), SPEC))
                    .stripTrailing());
            return 1;
        }
        String type = switch (words.get(1)) {
            case "clusterip" -> "ClusterIP";
            case "externalname" -> "ExternalName";
            case "loadbalancer" -> "LoadBalancer";
            case "nodeport" -> "NodePort";
            default -> throw new UsageException("error: unknown command \"" + words.get(1)
                    + "\"\nSee 'kubectl create service -h' for help and examples");
        };
        if (type.equals("ExternalName") && !inv.args().has("external-name")) {
            throw new UsageException(Klog.line('E', inv.now(), "run.go:72",
                    "\"command failed\" err=\"required flag(s) \\\"external-name\\\" not set\""));
        }
        List<String> names = words.subList(2, words.size());
        if (names.size() != 1) {
            throw new UsageException("error: exactly one NAME is required, got " + names.size()
                    + "\nSee 'kubectl create service " + words.get(1) + " -h' for help and examples");
        }
        String name = names.get(0);
        String clusterIp = inv.args().get("clusterip", "");
        List<String> tcp = inv.args().all("tcp").stream().flatMap(v -> List.of(v.split(",")).stream()).toList();
        String externalName = inv.args().get("external-name", "");
        if (clusterIp.equals("None") && !type.equals("ClusterIP")) {
            throw new UsageException("error: ClusterIP=None can only be used with ClusterIP service type");
        }
        if (!clusterIp.equals("None") && tcp.isEmpty() && !type.equals("ExternalName")) {
            throw new UsageException("error: at least one tcp port specifier must be provided");
        }
        if (type.equals("ExternalName") && !Names.dns1123Subdomain(externalName).isEmpty()) {
            throw new UsageException("error: invalid service external name " + externalName);
        }
        String output = ObjectWrites.outputFormat(inv);
        DryRun dryRun = DryRun.of(inv);
        ObjectNode spec = Meta.JSON.objectNode();
        if (!tcp.isEmpty()) {
            ArrayNode ports = spec.putArray("ports");
            int nodePort = Integer.parseInt(inv.args().get("node-port", "0"));
            for (String pair : tcp) {
                ports.add(TcpPorts.port(pair, nodePort));
            }
        }
        spec.putObject("selector").put("app", name);
        if (!clusterIp.isEmpty()) {
            spec.put("clusterIP", clusterIp);
        }
        spec.put("type", type);
        if (!externalName.isEmpty()) {
            spec.put("externalName", externalName);
        }
        ObjectNode labels = Meta.JSON.objectNode().put("app", name);
        ObjectNode svc = DryRunObjects.service(name, CreateSubcommands.namespaceFor(inv, dryRun), labels, spec);
        if (dryRun != DryRun.CLIENT) {
            Meta.metadata(svc).put("namespace", inv.namespace());
        }
        return CreateSubcommands.finish(inv, ResourceTypes.SERVICE, svc, name, output, dryRun,
                "failed to create " + type + " service");
    }
}
