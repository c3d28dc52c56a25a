package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectQuery;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.ResourceArgs;
import kubetutor.engine.kubectl.Verb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kubectl label and kubectl annotate: {@code key=value} sets (refusing to change an existing value
 * without --overwrite), {@code key-} removes, with kubectl's messages for each outcome.
 */
public final class MetadataVerb implements Verb {
    private final boolean labels;

    private MetadataVerb(boolean labels) {
        this.labels = labels;
    }

    public static MetadataVerb label() {
        return new MetadataVerb(true);
    }

    public static MetadataVerb annotate() {
        return new MetadataVerb(false);
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of(labels ? "label" : "annotate", labels ? "Update the labels on a resource" : "Update the annotations on a resource",
                List.of(FlagSpec.bool("overwrite", null, "If true, allow " + (labels ? "labels" : "annotations") + " to be overwritten."),
                        FlagSpec.bool("all", null, "Select all resources, in the namespace of the specified resource types"),
                        FlagSpec.value("selector", "l", ValueKind.LABEL_SELECTOR, "", "Selector (label query) to filter on"),
                        FlagSpec.bool("all-namespaces", "A", "If true, check the specified action in all namespaces."),
                        FlagSpec.bool("list", null, "If true, display the " + (labels ? "labels" : "annotations") + " for a given resource."),
                        FlagSpec.choice("output", "o", "", "Output format. One of: (json, yaml, name).", "json", "yaml", "name"),
                        DryRun.FLAG, kubetutor.engine.kubectl.Record.FLAG),
                ValueKind.RESOURCE_TYPE, ValueKind.OBJECT_NAME);
    }

    @Override
    public int run(Invocation inv) {
        MetadataChanges changes = MetadataChanges.parse(inv.args().positional(), labels);
        if (inv.args().bool("all") && inv.args().has("selector")) {
            throw new UsageException("error: cannot set --all and --selector at the same time");
        }
        if (changes.resources().isEmpty()) {
            throw new UsageException("error: one or more resources must be specified as <resource> <name> or <resource>/<name>");
        }
        if (changes.empty() && !inv.args().bool("list")) {
            throw new UsageException("error: at least one " + what() + " update is required");
        }
        Map<String, String> set = changes.set();
        List<String> remove = changes.remove();
        List<String> resourceWords = changes.resources();
        List<ResourceArgs.Request> requests = ResourceArgs.parse(resourceWords);
        ObjectQuery query = ObjectQuery.of(inv);
        boolean bySelection = inv.args().bool("all") || inv.args().has("selector");
        int status = 0;
        for (ResourceArgs.Request req : requests) {
            if (req.names().isEmpty() && !bySelection) {
                throw new UsageException("error: resource(s) were provided, but no name was specified");
            }
            ObjectQuery.Found found = query.find(req);
            for (String m : found.missing()) {
                inv.err(m);
                status = 1;
            }
            for (JsonNode o : found.objects()) {
                status |= apply(inv, req, (ObjectNode) o, set, remove);
            }
        }
        return status;
    }

    private int apply(Invocation inv, ResourceArgs.Request req, ObjectNode live, Map<String, String> set, List<String> remove) {
        String field = labels ? "labels" : "annotations";
        Map<String, String> current = labels ? Meta.labels(live) : Meta.annotations(live);
        if (inv.args().bool("list")) {
            StringBuilder sb = new StringBuilder();
            current.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            inv.sink().emit(new kubetutor.engine.output.Output.Text(sb.toString(), kubetutor.engine.output.Output.TextKind.MESSAGE));
            return 0;
        }
        if (!inv.args().bool("overwrite")) {
            List<String> clashes = new ArrayList<>();
            set.forEach((k, v) -> {
                String cur = current.get(k);
                if (cur != null && !cur.equals(v) && !(k.equals("kubernetes.io/change-cause") && !labels)) {
                    clashes.add("'" + k + "' already has a value (" + cur + ")");
                }
            });
            if (!clashes.isEmpty()) {
                if (labels) {
                    inv.err("error: " + clashes.get(0) + ", and --overwrite is false");
                } else {
                    inv.err("error: --overwrite is false but found the following declared annotation(s): " + String.join("; ", clashes));
                }
                return 1;
            }
        }
        DryRun dryRun = DryRun.of(inv);
        Map<String, String> next = new LinkedHashMap<>(current);
        for (String k : remove) {
            // kubectl says so only on its way to the server, not in a client dry run
            if (next.remove(k) == null && dryRun != DryRun.CLIENT) {
                inv.out(what() + " \"" + k + "\" not found.");
            }
        }
        next.putAll(set);
        ObjectNode updated = live.deepCopy();
        ObjectNode meta = Meta.metadata(updated);
        if (next.isEmpty()) {
            meta.remove(field);
        } else {
            ObjectNode m = meta.putObject(field);
            next.forEach(m::put);
        }
        // the change cause goes into the same patch, and counts as a change of its own
        kubetutor.engine.kubectl.Record.annotate(inv, updated);
        boolean changed = !updated.equals(live);
        if (changed && dryRun != DryRun.CLIENT) {
            try {
                inv.cluster().api().update(req.type(), updated.deepCopy(), dryRun == DryRun.SERVER);
            } catch (ApiException e) {
                inv.err(e.kubectlMessage());
                return 1;
            }
        }
        String outcome = labels ? labelOutcome(live, updated, inv.args().bool("overwrite")) : "annotated";
        // kubectl prints the object as it changed it locally, not the server's answer
        ObjectWrites.printObject(inv, req.type(), updated, outcome, dryRun, inv.args().get("output", ""));
        return 0;
    }

    /**
     * label.go's updateDataChangeMsg: any change is "labeled", unless (without --overwrite) the
     * object's JSON got shorter, which is "unlabeled"; so swapping a label for a shorter one counts
     * as unlabeling. annotate says "annotated" whatever happened.
     */
    private static String labelOutcome(ObjectNode before, ObjectNode after, boolean overwrite) {
        if (before.equals(after)) {
            return "not labeled";
        }
        return !overwrite && jsonBytes(after) < jsonBytes(before) ? "unlabeled" : "labeled";
    }

    private static int jsonBytes(ObjectNode obj) {
        return obj.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private String what() {
        return labels ? "label" : "annotation";
    }
}
