package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.DeleteOptions;
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
import kubetutor.engine.kubectl.ResourceArgs;
import kubetutor.engine.kubectl.Verb;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kubectl delete: by name, -f, -l, --all; pods go through their grace period, owners take their
 * dependents along as --cascade says, and like kubectl (--wait=true) the command returns when the
 * objects are gone (a foreground deletion: after its dependents).
 */
public final class DeleteVerb implements Verb {
    @Override
    public CommandSpec spec() {
        return CommandSpec.of("delete", "Delete resources by file names, stdin, resources and names, or by resources and label selector",
                List.of(FlagSpec.many("filename", "f", ValueKind.FILE, "containing the resource to delete."),
                        FlagSpec.value("selector", "l", ValueKind.LABEL_SELECTOR, "", "Selector (label query) to filter on"),
                        FlagSpec.bool("all", null, "Delete all resources, in the namespace of the specified resource types."),
                        FlagSpec.bool("all-namespaces", "A", "If present, list the requested object(s) across all namespaces."),
                        FlagSpec.choice("cascade", null, "background", "Must be \"background\", \"orphan\", or \"foreground\".",
                                "background", "foreground", "orphan").withNoOptDefault("background"),
                        DryRun.FLAG,
                        FlagSpec.value("grace-period", null, ValueKind.TEXT, "-1", "Period of time in seconds given to the resource to terminate gracefully."),
                        FlagSpec.bool("now", null, "If true, resources are signaled for immediate shutdown (same as --grace-period=1)."),
                        FlagSpec.bool("force", null, "If true, immediately remove resources from API and bypass graceful deletion."),
                        FlagSpec.bool("wait", null, "If true, wait for resources to be gone before returning.").withDefault("true"),
                        FlagSpec.bool("ignore-not-found", null, "Treat \"resource not found\" as a successful delete."),
                        FlagSpec.value("field-selector", null, ValueKind.TEXT, "", "Selector (field query) to filter on"),
                        FlagSpec.choice("output", "o", "", "Output mode. Use \"-o name\" for shorter output (resource/name).", "name"),
                        FlagSpec.value("timeout", null, ValueKind.DURATION, "0s", "The length of time to wait before giving up on a delete")),
                ValueKind.RESOURCE_TYPE, ValueKind.OBJECT_NAME);
    }

    /** @param source the -f file that named it, or null */
    private record Target(ResourceType type, String namespace, String name, String source) {}

    @Override
    public int run(Invocation inv) {
        DeleteOptions.Propagation propagation = cascade(inv);
        Long grace = grace(inv);
        DryRun dryRun = DryRun.of(inv);
        List<Target> targets = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean bySelection = inv.args().bool("all") || inv.args().has("selector") || inv.args().has("field-selector");
        // kubectl ignores NotFound by default when it selects rather than names (--all, -l, --field-selector)
        boolean ignoreNotFound = inv.args().has("ignore-not-found") ? inv.args().bool("ignore-not-found") : bySelection;
        if (!inv.args().all("filename").isEmpty()) {
            for (Manifests.Doc doc : Manifests.read(inv)) {
                if (doc.error() != null) {
                    errors.add("error: " + doc.error());
                    continue;
                }
                ResourceType type = ObjectWrites.typeOf(doc);
                ObjectNode obj = ObjectWrites.withNamespace(type, doc.object(), inv);
                targets.add(new Target(type, Meta.namespace(obj), Meta.name(obj), doc.source()));
            }
        } else {
            List<ResourceArgs.Request> requests = ObjectQuery.requests(inv);
            if (requests.isEmpty()) {
                throw new UsageException("error: You must provide one or more resources by argument or filename.\n"
                        + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
                        + "   '<resource> <name>'\n   '<resource>'");
            }
            ObjectQuery query = ObjectQuery.of(inv);
            for (ResourceArgs.Request req : requests) {
                if (req.names().isEmpty() && !bySelection) {
                    throw new UsageException("error: resource(s) were provided, but no name was specified");
                }
                ObjectQuery.Found found = query.find(req);
                for (JsonNode o : found.objects()) {
                    targets.add(new Target(req.type(), Meta.namespace(o), Meta.name(o), null));
                }
                errors.addAll(found.missing());
            }
        }
        String output = inv.args().get("output", "");
        if (!output.isEmpty() && !output.equals("name")) {
            throw new UsageException("error: unexpected -o output mode: " + output + ". We only support '-o name'");
        }
        boolean force = inv.args().bool("force") && grace != null && grace == 0;
        if (force) {
            inv.warn("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.");
        }
        int status = 0;
        Map<Target, String> deleted = new LinkedHashMap<>();
        for (Target t : targets) {
            try {
                if (dryRun != DryRun.CLIENT) {
                    ObjectNode gone = inv.cluster().api().delete(t.type(), t.namespace(), t.name(),
                            new DeleteOptions(grace, propagation, null, dryRun == DryRun.SERVER));
                    deleted.put(t, Meta.uid(gone));
                }
                String kind = t.type().qualifiedKindLower();
                inv.out(output.equals("name") ? kind + "/" + t.name()
                        : kind + " \"" + t.name() + "\" " + (grace != null && grace == 0 ? "force deleted" : "deleted") + dryRun.suffix());
            } catch (ApiException e) {
                if (!(e.reason() == ApiException.Reason.NotFound && ignoreNotFound)) {
                    errors.add(t.source() == null ? e.kubectlMessage() : ObjectWrites.serverError(e, "deleting", t.source()));
                }
            }
        }
        for (String e : errors) {
            if (!(ignoreNotFound && e.contains("(NotFound)"))) {
                inv.err(e);
                status = 1;
            }
        }
        // Named objects count as found even when missing: kubectl's builder does not look them up for delete.
        if (targets.isEmpty() && errors.isEmpty()) {
            inv.out("No resources found");
            return 0;
        }
        boolean wait = !inv.args().has("wait") || inv.args().bool("wait");
        // kubectl reports the errors instead of waiting
        if (wait && status == 0 && dryRun == DryRun.NONE && !deleted.isEmpty()) {
            status |= waitUntilGone(inv, deleted);
        }
        return status;
    }

    /**
     * kubectl's --wait: until every object deleted is gone, or has been replaced by another of the
     * same name (another uid), as a foreground deletion waits for the dependents and the finalizers.
     * --timeout=0 means a week. The limit is what keeps a deletion that never completes (a finalizer
     * nobody removes) from running the clock on forever: time stops at the deadline, as kubectl does.
     */
    private static int waitUntilGone(Invocation inv, Map<Target, String> deleted) {
        Duration timeout = Durations.parse(inv.args().get("timeout", "0s"));
        Instant limit = inv.now().plus(timeout.isZero() ? Duration.ofHours(168) : timeout);
        if (!inv.runUntil(() -> deleted.keySet().stream().allMatch(t -> gone(inv, t, deleted.get(t))), limit)) {
            return 0; // Ctrl-C: kubectl is gone without a word, the deletion goes on
        }
        for (Map.Entry<Target, String> e : deleted.entrySet()) {
            if (!gone(inv, e.getKey(), e.getValue())) {
                inv.err("error: timed out waiting for the condition on " + e.getKey().type().plural() + "/" + e.getKey().name());
                return 1;
            }
        }
        return 0;
    }

    private static boolean gone(Invocation inv, Target t, String uid) {
        ObjectNode now = inv.cluster().store().get(t.type(), t.namespace(), t.name());
        return now == null || !Meta.uid(now).equals(uid);
    }

    /**
     * --cascade as kubectl 1.32 reads it: background, foreground or orphan; the old boolean values
     * still work with a warning (true is background, false orphan).
     */
    private static DeleteOptions.Propagation cascade(Invocation inv) {
        String v = inv.args().get("cascade", "background");
        return switch (v) {
            case "background" -> DeleteOptions.Propagation.Background;
            case "foreground" -> DeleteOptions.Propagation.Foreground;
            case "orphan" -> DeleteOptions.Propagation.Orphan;
            case "1", "t", "T", "true", "TRUE", "True" -> {
                inv.err("warning: --cascade=" + v + " is deprecated (boolean value) and can be replaced with --cascade=background.");
                yield DeleteOptions.Propagation.Background;
            }
            case "0", "f", "F", "false", "FALSE", "False" -> {
                inv.err("warning: --cascade=" + v + " is deprecated (boolean value) and can be replaced with --cascade=orphan.");
                yield DeleteOptions.Propagation.Orphan;
            }
            default -> throw new UsageException("error: invalid cascade value (" + v
                    + "). Must be \"background\", \"foreground\", or \"orphan\"");
        };
    }

    /**
     * The grace period kubectl sends: --now is 1; 0 without --force becomes 1 (kubectl guards
     * against an accidental force delete); --force alone is 0; -1 leaves the object's own.
     */
    private static Long grace(Invocation inv) {
        long v = Long.parseLong(inv.args().get("grace-period", "-1"));
        boolean force = inv.args().bool("force");
        if (inv.args().bool("now")) {
            if (v != -1) {
                throw new UsageException("error: --now and --grace-period cannot be specified together");
            }
            v = 1;
        }
        if (v == 0 && !force) {
            v = 1;
        }
        if (force && v < 0) {
            v = 0;
        }
        if (force && v > 0) {
            throw new UsageException("error: --force and --grace-period greater than 0 cannot be specified together");
        }
        return v < 0 ? null : v;
    }
}
