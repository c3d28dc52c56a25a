package kubetutor.engine.kubectl.verb;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Help;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.selector.LabelSelector;
import kubetutor.engine.selector.SelectorSyntaxException;

import java.util.List;

/**
 * kubectl top pod|node. A kubeadm cluster has no metrics-server, so the metrics.k8s.io group is
 * missing from discovery and kubectl stops with its message once the arguments check out
 * (kubectl/pkg/cmd/top/top_pod.go and top_node.go, RunTopPod and RunTopNode).
 */
public final class TopVerb implements Verb {
    private static final String SELECTOR_USAGE = "Selector (label query) to filter on, supports '=', '==', and '!='."
            + "(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.";
    private static final FlagSpec PROTOBUF = FlagSpec.bool("use-protocol-buffers", null,
            "Enables using protocol-buffers to access Metrics API.").withDefault("true");

    private static final CommandSpec POD = CommandSpec.of("pod", "Display resource (CPU/memory) usage of pods", List.of(
            FlagSpec.bool("all-namespaces", "A", "If present, list the requested object(s) across all namespaces."),
            FlagSpec.bool("containers", null, "If present, print usage of containers within a pod."),
            FlagSpec.value("field-selector", null, ValueKind.TEXT, "", "Selector (field query) to filter on."),
            FlagSpec.bool("no-headers", null, "If present, print output without headers."),
            FlagSpec.value("selector", "l", ValueKind.LABEL_SELECTOR, "", SELECTOR_USAGE),
            FlagSpec.choice("sort-by", null, "", "If non-empty, sort pods list using specified field.", "cpu", "memory"),
            FlagSpec.bool("sum", null, "Print the sum of the resource usage"),
            PROTOBUF), ValueKind.POD).withAliases("pods", "po");
    private static final CommandSpec NODE = CommandSpec.of("node", "Display resource (CPU/memory) usage of nodes", List.of(
            FlagSpec.bool("no-headers", null, "If present, print output without headers"),
            FlagSpec.value("selector", "l", ValueKind.LABEL_SELECTOR, "", SELECTOR_USAGE),
            FlagSpec.bool("show-capacity", null, "Print node resources based on Capacity instead of Allocatable."),
            FlagSpec.choice("sort-by", null, "", "If non-empty, sort nodes list using specified field.", "cpu", "memory"),
            PROTOBUF), ValueKind.NODE).withAliases("nodes", "no");
    private static final CommandSpec SPEC = CommandSpec.of("top", "Display resource (CPU/memory) usage", List.of())
            .withSubcommands(List.of(NODE, POD));

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        List<String> positional = inv.args().positional();
        if (positional.isEmpty()) {
            return Help.missingSubcommand(inv, SPEC);
        }
        CommandSpec sub = SPEC.subcommand(positional.get(0)).orElseThrow(() -> new UsageException(
                "error: unknown command \"" + positional.get(0) + "\"\nSee 'kubectl top -h' for help and examples"));
        List<String> names = positional.subList(1, positional.size());
        if (names.size() > 1) {
            throw new UsageException("error: " + sub.name() + " [NAME | -l label]\nSee 'kubectl top " + sub.name()
                    + " -h' for help and examples");
        }
        String selector = inv.args().get("selector", "");
        if (!names.isEmpty() && !selector.isEmpty()) {
            throw new UsageException("error: only one of NAME or selector can be provided");
        }
        String sortBy = inv.args().get("sort-by", "");
        if (!sortBy.isEmpty() && !sortBy.equals("cpu") && !sortBy.equals("memory")) {
            throw new UsageException("error: --sort-by accepts only cpu or memory");
        }
        try {
            LabelSelector.parse(selector);
        } catch (SelectorSyntaxException e) {
            throw new UsageException("error: " + e.getMessage());
        }
        // Discovery lists no metrics.k8s.io: kubeadm does not install metrics-server.
        throw new UsageException("error: Metrics API not available");
    }
}
