package kubetutor.engine.clustermap;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Durations;
import kubetutor.engine.kubectl.printer.PodRow;
import kubetutor.engine.kubectl.printer.Styles;
import kubetutor.engine.kubectl.printer.TableColumns;
import kubetutor.engine.kubelet.Kubelet;
import kubetutor.engine.kubelet.Kubelets;
import kubetutor.engine.output.ClusterMap;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;
import kubetutor.engine.sim.Pacer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cluster [-n NAMESPACE | -A] [-w [--timeout D]]}: a map of the nodes, each with its status,
 * its machine and its pod CIDR, and the pods on it. Read from the store as kubectl would read it,
 * plus what only the simulator knows: whether the machine under a node is switched on. With
 * {@code -w} the map is drawn again each time it changes ({@link ClusterMapWatch}).
 */
public final class ClusterMapCommand {
    private ClusterMapCommand() {}

    public static CommandSpec spec() {
        return CommandSpec.of("cluster", "Draw a map of the nodes and the pods on them (-A: every namespace;"
                        + " -w: redraw it as it changes)",
                List.of(FlagSpec.bool("all-namespaces", "A", "pods of every namespace"),
                        FlagSpec.value("namespace", "n", ValueKind.NAMESPACE, "", "pods of this namespace"),
                        FlagSpec.bool("watch", "w", "redraw the map each time it changes"),
                        FlagSpec.value("timeout", null, ValueKind.DURATION, "0s",
                                "with -w: watch for this long (0s: until a quiet minute in the manual clock, until Ctrl-C in realtime)")));
    }

    public static int run(List<String> args, String namespace, Cluster cluster, Pacer pacer, Sink sink) {
        String shown = namespace;
        boolean watch = false;
        Duration timeout = Duration.ZERO;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-A") || a.equals("--all-namespaces")) {
                shown = null;
            } else if (a.equals("-w") || a.equals("--watch")) {
                watch = true;
            } else if (a.equals("-n") || a.equals("--namespace") || a.equals("--timeout")) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("cluster: flag needs an argument: " + a);
                }
                if (a.equals("--timeout")) {
                    timeout = timeout(args.get(++i));
                } else {
                    shown = args.get(++i);
                }
            } else if (a.startsWith("--namespace=")) {
                shown = a.substring("--namespace=".length());
            } else if (a.startsWith("--timeout=")) {
                timeout = timeout(a.substring("--timeout=".length()));
            } else if (a.startsWith("-")) {
                throw new UsageException("cluster: unknown flag: " + a + " (see 'help cluster')");
            } else {
                throw new UsageException("cluster: extra operand '" + a + "' (see 'help cluster')");
            }
        }
        if (!timeout.isZero() && !watch) {
            throw new UsageException("cluster: --timeout goes with -w (see 'help cluster')");
        }
        if (watch) {
            return new ClusterMapWatch(shown, cluster, pacer, sink).run(timeout);
        }
        sink.emit(new Output.ClusterMapOutput(map(shown, cluster.store(), cluster.kubelets(), cluster.sim().now()), null));
        return 0;
    }

    private static Duration timeout(String text) {
        try {
            return Durations.parse(text);
        } catch (UsageException e) {
            throw new UsageException("cluster: invalid --timeout '" + text + "'");
        }
    }

    static ClusterMap map(String namespace, ApiStore store, Kubelets kubelets, Instant now) {
        Map<String, List<ClusterMap.Pod>> byNode = new LinkedHashMap<>();
        Map<String, Integer> hidden = new LinkedHashMap<>();
        List<ClusterMap.Pod> unscheduled = new ArrayList<>();
        for (JsonNode pod : store.list(ResourceTypes.POD, null)) {
            String node = pod.path("spec").path("nodeName").asText("");
            if (namespace != null && !Meta.namespace(pod).equals(namespace)) {
                hidden.merge(node, 1, Integer::sum);
                continue;
            }
            String status = PodRow.summarize(pod, now).status();
            ClusterMap.Pod p = new ClusterMap.Pod(Meta.namespace(pod), Meta.name(pod), status, Styles.of(status));
            if (node.isEmpty()) {
                unscheduled.add(p);
            } else {
                byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(p);
            }
        }
        List<ClusterMap.Node> nodes = new ArrayList<>();
        for (JsonNode node : store.list(ResourceTypes.NODE, null)) {
            String name = Meta.name(node);
            String status = TableColumns.nodeStatus(node);
            nodes.add(new ClusterMap.Node(name, TableColumns.nodeRoles(node), status, Styles.of(status.split(",")[0]),
                    machine(kubelets.get(name)), node.path("spec").path("podCIDR").asText(""),
                    byNode.getOrDefault(name, List.of()), hidden.getOrDefault(name, 0)));
        }
        return new ClusterMap(namespace, nodes, unscheduled);
    }

    private static ClusterMap.Machine machine(Kubelet kubelet) {
        if (kubelet == null || kubelet.machine().isRunning()) {
            return ClusterMap.Machine.RUNNING; // a node object with no simulated machine behind it is taken as it says
        }
        return kubelet.machine().isBooting() ? ClusterMap.Machine.BOOTING : ClusterMap.Machine.STOPPED;
    }
}
