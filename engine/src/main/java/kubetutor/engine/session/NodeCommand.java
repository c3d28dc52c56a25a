package kubetutor.engine.session;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubelet.Kubelet;
import kubetutor.engine.kubelet.Machine;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;

import java.util.List;

/**
 * {@code node stop NAME} and {@code node start NAME}: the power switch of a simulated machine.
 * Stopping the control-plane node is refused: kubetutor's API server and controllers do not stop,
 * so it could only pretend; what kubectl would say then is told instead.
 */
final class NodeCommand {
    private static final String USAGE = "(node stop NAME or node start NAME)";

    private NodeCommand() {}

    static CommandSpec spec() {
        return CommandSpec.of("node", "Switch a simulated node off or on: 'node stop NAME', 'node start NAME'", List.of())
                .withSubcommands(List.of(
                        CommandSpec.of("stop", "Power the node off: its kubelet and containers stop", List.of(), ValueKind.NODE),
                        CommandSpec.of("start", "Power the node on: it boots and its kubelet starts", List.of(), ValueKind.NODE)));
    }

    static int run(Cluster cluster, List<String> args, Sink sink) {
        if (args.isEmpty()) {
            throw new UsageException("node: missing subcommand " + USAGE);
        }
        String action = args.get(0);
        if (!action.equals("stop") && !action.equals("start")) {
            throw new UsageException("node: unknown subcommand '" + action + "' " + USAGE);
        }
        if (args.size() < 2) {
            throw new UsageException("node " + action + ": missing node name (kubectl get nodes lists them)");
        }
        if (args.size() > 2) {
            throw new UsageException("node " + action + ": one node at a time");
        }
        String name = args.get(1);
        Kubelet kubelet = cluster.kubelets().get(name);
        if (kubelet == null) {
            throw new UsageException("node " + action + ": no node named '" + name + "' (kubectl get nodes lists them)");
        }
        if (action.equals("stop")) {
            stop(cluster, name, kubelet.machine());
            sink.emit(Output.Text.message(name + " is off: its kubelet no longer renews its lease or runs its containers."));
        } else {
            Machine machine = kubelet.machine();
            if (machine.isRunning() || machine.isBooting()) {
                throw new UsageException("node start: " + name + " is already " + (machine.isRunning() ? "running" : "booting"));
            }
            machine.powerOn();
            sink.emit(Output.Text.message(name + " is on: it boots, and its kubelet starts in "
                    + Machine.BOOT_TIME.getSeconds() + " seconds or so."));
        }
        return 0;
    }

    private static void stop(Cluster cluster, String name, Machine machine) {
        if (isControlPlane(cluster, name)) {
            throw new UsageException("node stop: " + name + " is the control plane, and kubetutor does not simulate a cluster"
                    + " without one. Switched off, it would take the API server with it, and every kubectl command would"
                    + " only answer: The connection to the server " + address(cluster, name)
                    + ":6443 was refused - did you specify the right host or port?");
        }
        if (!machine.isRunning() && !machine.isBooting()) {
            throw new UsageException("node stop: " + name + " is already off");
        }
        machine.powerOff();
    }

    private static boolean isControlPlane(Cluster cluster, String name) {
        return cluster.spec().nodes().stream().anyMatch(n -> n.name().equals(name) && n.controlPlane());
    }

    private static String address(Cluster cluster, String name) {
        JsonNode node = cluster.store().get(ResourceTypes.NODE, "", name);
        if (node == null) {
            return cluster.kubelets().get(name).nodeIp();
        }
        for (JsonNode a : node.path("status").path("addresses")) {
            if (a.path("type").asText().equals("InternalIP")) {
                return a.path("address").asText();
            }
        }
        return name;
    }
}
