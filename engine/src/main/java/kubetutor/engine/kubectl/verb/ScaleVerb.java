package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Durations;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Manifests;
import kubetutor.engine.kubectl.ObjectQuery;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Record;
import kubetutor.engine.kubectl.ResourceArgs;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubectl.printer.TemplateOutput;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl scale: sets spec.replicas of replication controllers, replica sets and deployments through
 * their scale subresource ("replicationcontroller/web scaled"), with kubectl's preconditions
 * (--current-replicas, --resource-version) and its optional wait for the new size (--timeout).
 */
public final class ScaleVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("scale", "Set a new size for a deployment, replica set, or replication controller",
            List.of(FlagSpec.bool("all", null, "Select all resources in the namespace of the specified resource types"),
                    TemplateOutput.ALLOW_MISSING_KEYS,
                    FlagSpec.value("current-replicas", null, ValueKind.TEXT, "-1", "Precondition for current size."),
                    DryRun.FLAG,
                    FlagSpec.many("filename", "f", ValueKind.FILE, "Filename, directory, or URL to files identifying the resource to set a new size"),
                    FlagSpec.choice("output", "o", "", "Output format.", "json", "yaml", "name", "jsonpath="),
                    FlagSpec.value("replicas", null, ValueKind.TEXT, "0", "The new desired number of replicas. Required."),
                    FlagSpec.value("resource-version", null, ValueKind.TEXT, "", "Precondition for resource version."),
                    FlagSpec.value("selector", "l", ValueKind.LABEL_SELECTOR, "", "Selector (label query) to filter on"),
                    TemplateOutput.TEMPLATE,
                    FlagSpec.value("timeout", null, ValueKind.DURATION, "0s", "The length of time to wait before giving up on a scale operation."),
                    Record.FLAG),
            ValueKind.RESOURCE_TYPE, ValueKind.OBJECT_NAME);

    /** One object to scale: where it is, and the object kubectl prints for it (as it read it). */
    private record Target(ResourceType type, String namespace, String name, ObjectNode object) {}

    /** A precondition kubectl checks on the Scale it reads first (scale.PreconditionError). */
    private static final class PreconditionFailed extends RuntimeException {
        PreconditionFailed(String what, String expected, String actual) {
            super("error: Expected " + what + " to be " + expected + ", was " + actual, null, false, false);
        }
    }

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        // cobra's check of MarkFlagRequired comes before anything of scale's own
        if (!inv.args().has("replicas")) {
            throw new UsageException(Klog.line('E', inv.now(), "run.go:72",
                    "\"command failed\" err=\"required flag(s) \\\"replicas\\\" not set\""));
        }
        DryRun dryRun = DryRun.of(inv);
        String output = ObjectWrites.outputFormat(inv);
        long replicas = Long.parseLong(inv.args().get("replicas"));
        if (replicas < 0) {
            throw new UsageException("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
        }
        long currentReplicas = Long.parseLong(inv.args().get("current-replicas", "-1"));
        if (currentReplicas < -1) {
            throw new UsageException("error: The --current-replicas must specify an integer of -1 or greater");
        }
        List<String> missing = new ArrayList<>();
        List<Target> targets = targets(inv, missing);
        String resourceVersion = inv.args().get("resource-version", "");
        if (!resourceVersion.isEmpty() && targets.size() > 1) {
            throw new UsageException("error: cannot use --resource-version with multiple resources");
        }
        if (targets.isEmpty()) {
            // kubectl 1.32 glues the lookup errors to its own message, as Go prints an aggregate
            throw new UsageException("error: no objects passed to scale" + (missing.isEmpty() ? ""
                    : " " + (missing.size() == 1 ? missing.get(0) : "[" + String.join(", ", missing) + "]")));
        }
        boolean precondition = currentReplicas != -1 || !resourceVersion.isEmpty();
        Duration timeout = Durations.parse(inv.args().get("timeout", "0s"));
        for (Target t : targets) {
            if (dryRun != DryRun.CLIENT) {
                try {
                    scale(inv, t, replicas, precondition ? currentReplicas : null, resourceVersion, dryRun == DryRun.SERVER);
                } catch (PreconditionFailed e) {
                    inv.err(e.getMessage());
                    return 1;
                }
                if (!timeout.isZero() && dryRun == DryRun.NONE) {
                    if (!inv.runUntil(() -> synced(inv, t, replicas), inv.now().plus(timeout))) {
                        return 0; // Ctrl-C: kubectl is gone without a word
                    }
                    if (!synced(inv, t, replicas)) {
                        inv.err("error: timed out waiting for \"" + t.name() + "\" to be synced");
                        return 1;
                    }
                }
                // even after a server dry run: kubectl sends the record patch without dryRun
                Record.patchOnto(inv, t.type(), t.namespace(), t.name());
            }
            // kubectl prints the object as it read it before scaling: -o yaml shows the old size
            ObjectWrites.printObject(inv, t.type(), t.object(), "scaled", dryRun, output);
        }
        missing.forEach(m -> inv.err("Error from server (NotFound): " + m));
        return missing.isEmpty() ? 0 : 1;
    }

    /**
     * The objects named on the command line (read from the server) or in -f files (as the files
     * give them: kubectl does not read those back before scaling). Names not found go to
     * {@code missing} as the server's messages.
     */
    private static List<Target> targets(Invocation inv, List<String> missing) {
        List<Target> targets = new ArrayList<>();
        if (!inv.args().all("filename").isEmpty()) {
            for (Manifests.Doc doc : Manifests.read(inv)) {
                if (doc.error() != null) {
                    throw new UsageException("error: " + doc.error());
                }
                ResourceType type = ObjectWrites.typeOf(doc);
                ObjectNode obj = ObjectWrites.withNamespace(type, doc.object(), inv);
                targets.add(new Target(type, Meta.namespace(obj), Meta.name(obj), obj));
            }
            return targets;
        }
        List<ResourceArgs.Request> requests = ObjectQuery.requests(inv);
        if (requests.isEmpty()) {
            throw new UsageException("error: You must provide one or more resources by argument or filename.\n"
                    + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
                    + "   '<resource> <name>'\n   '<resource>'");
        }
        boolean bySelection = inv.args().bool("all") || inv.args().has("selector");
        ObjectQuery query = ObjectQuery.of(inv);
        for (ResourceArgs.Request req : requests) {
            if (req.names().isEmpty() && !bySelection) {
                throw new UsageException("error: resource(s) were provided, but no name was specified");
            }
            if (req.names().isEmpty()) {
                for (JsonNode o : query.find(req).objects()) {
                    targets.add(new Target(req.type(), Meta.namespace(o), Meta.name(o), (ObjectNode) o));
                }
                continue;
            }
            for (String name : req.names()) {
                ObjectNode o = inv.cluster().store().get(req.type(), inv.namespace(), name);
                if (o == null) {
                    missing.add(ApiException.notFound(req.type(), name).getMessage());
                } else {
                    targets.add(new Target(req.type(), inv.namespace(), name, o));
                }
            }
        }
        return targets;
    }

    /**
     * kubectl's scaler: with a precondition it reads the Scale, checks it and writes it back whole
     * (its size truncated to the Scale's int32, as Go converts); without one it sends a merge patch
     * of the size, which the server cannot fit in an int32 when it is larger.
     */
    private static void scale(Invocation inv, Target t, long replicas, Long currentReplicas, String resourceVersion,
                              boolean dryRun) {
        var api = inv.cluster().api();
        if (currentReplicas == null) {
            ObjectNode live = api.get(t.type(), t.namespace(), t.name());
            if (replicas > Integer.MAX_VALUE && live.path("spec").has("replicas")) {
                throw ScaleOverflow.error(live, replicas);
            }
            api.scale(t.type(), t.namespace(), t.name(), replicas, null, dryRun);
            return;
        }
        ObjectNode live = api.get(t.type(), t.namespace(), t.name());
        if (!live.path("spec").has("replicas")) {
            throw new ApiException(ApiException.Reason.NotFound, "the server could not find the requested resource");
        }
        long size = live.path("spec").path("replicas").asLong();
        String version = live.path("metadata").path("resourceVersion").asText();
        if (currentReplicas != -1 && size != currentReplicas) {
            throw new PreconditionFailed("replicas", Long.toString(currentReplicas), Long.toString(size));
        }
        if (!resourceVersion.isEmpty() && !resourceVersion.equals(version)) {
            throw new PreconditionFailed("resource version", resourceVersion, version);
        }
        api.scale(t.type(), t.namespace(), t.name(), (int) replicas, version, dryRun);
    }

    /**
     * What --timeout waits for, as kubectl's WaitForScaleHasDesiredReplicas polls it: the size took
     * (status.replicas reached it), or someone has set another size since.
     */
    private static boolean synced(Invocation inv, Target t, long replicas) {
        ObjectNode o = inv.cluster().store().get(t.type(), t.namespace(), t.name());
        if (o == null) {
            return false;
        }
        long spec = o.path("spec").path("replicas").asLong();
        return spec != replicas || o.path("status").path("replicas").asLong() == replicas;
    }
}
