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
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Manifests;
import kubetutor.engine.kubectl.ObjectQuery;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.ResourceArgs;
import kubetutor.engine.kubectl.Verb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kubectl delete: by name, -f, -l, --all; pods go through their grace period, and like kubectl
 * (--wait=true) the command returns when the objects are gone.
 */
public final class DeleteVerb implements Verb {
    @Override
    public CommandSpec spec() {
        return CommandSpec.of("delete", "Delete resources by file names, stdin, resources and names, or by resources and label selector",
                List.of(FlagSpec.many("filename", "f", ValueKind.FILE, "containing the resource to delete."),
                        FlagSpec.value("selector", "l", ValueKind.LABEL_SELECTOR, "", "Selector (label query) to filter on"),
                        FlagSpec.bool("all", null, "Delete all resources, in the namespace of the specified resource types."),
                        FlagSpec.bool("all-namespaces", "A", "If present, list the requested object(s) across all namespaces."),
                        FlagSpec.value("grace-period", null, ValueKind.TEXT, "-1", "Period of time in seconds given to the resource to terminate gracefully."),
                        FlagSpec.bool("now", null, "If true, resources are signaled for immediate shutdown (same as --grace-period=1)."),
                        FlagSpec.bool("force", null, "If true, immediately remove resources from API and bypass graceful deletion."),
                        FlagSpec.bool("wait", null, "If true, wait for resources to be gone before returning.").withDefault("true"),
                        FlagSpec.bool("ignore-not-found", null, "Treat \"resource not found\" as a successful delete."),
                        FlagSpec.value("field-selector", null, ValueKind.TEXT, "", "Selector (field query) to filter on"),
                        FlagSpec.value("timeout", null, ValueKind.DURATION, "0s", "The length of time to wait before giving up on a delete")),
                ValueKind.RESOURCE_TYPE, ValueKind.OBJECT_NAME);
    }

    private record Target(ResourceType type, String namespace, String name) {}

    @Override
    public int run(Invocation inv) {
        Long grace = grace(inv);
        List<Target> targets = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (!inv.args().all("filename").isEmpty()) {
            for (Manifests.Doc doc : Manifests.read(inv)) {
                if (doc.error() != null) {
                    errors.add("error: " + doc.error());
                    continue;
                }
                ResourceType type = ObjectWrites.typeOf(doc);
                ObjectNode obj = ObjectWrites.withNamespace(type, doc.object(), inv);
                targets.add(new Target(type, Meta.namespace(obj), Meta.name(obj)));
            }
        } else {
            List<ResourceArgs.Request> requests = ObjectQuery.requests(inv);
            if (requests.isEmpty()) {
                throw new UsageException("error: You must provide one or more resources by argument or filename.\n"
                        + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
                        + "   '<resource> <name>'\n   '<resource>'");
            }
            boolean bySelection = inv.args().bool("all") || inv.args().has("selector") || inv.args().has("field-selector");
            ObjectQuery query = ObjectQuery.of(inv);
            for (ResourceArgs.Request req : requests) {
                if (req.names().isEmpty() && !bySelection) {
                    throw new UsageException("error: resource(s) were provided, but no name was specified");
                }
                ObjectQuery.Found found = query.find(req);
                for (JsonNode o : found.objects()) {
                    targets.add(new Target(req.type(), Meta.namespace(o), Meta.name(o)));
                }
                errors.addAll(found.missing());
            }
            if (targets.isEmpty() && errors.isEmpty()) {
                inv.err(GetVerb.noResources(inv, requests));
                return 0;
            }
        }
        boolean force = inv.args().bool("force") && grace != null && grace == 0;
        if (force) {
            inv.err("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.");
        }
        int status = 0;
        Map<Target, String> deleted = new LinkedHashMap<>();
        for (Target t : targets) {
            try {
                ObjectNode gone = inv.cluster().api().delete(t.type(), t.namespace(), t.name(),
                        kubetutor.engine.api.DeleteOptions.grace(grace));
                inv.out(kindWord(t.type()) + " \"" + t.name() + "\" " + (force ? "force deleted" : "deleted"));
                deleted.put(t, Meta.uid(gone));
            } catch (ApiException e) {
                if (!(e.reason() == ApiException.Reason.NotFound && inv.args().bool("ignore-not-found"))) {
                    errors.add(e.kubectlMessage());
                }
            }
        }
        for (String e : errors) {
            if (!(inv.args().bool("ignore-not-found") && e.contains("(NotFound)"))) {
                inv.err(e);
                status = 1;
            }
        }
        boolean wait = !inv.args().has("wait") || inv.args().bool("wait");
        if (wait && !deleted.isEmpty() && !force) {
            // kubectl waits for the object it deleted, by uid: a controller may at once make a new
            // one of the same name (kube-root-ca.crt, a namespace's default service account)
            inv.runUntil(() -> deleted.entrySet().stream().allMatch(e -> {
                ObjectNode now = inv.cluster().store().get(e.getKey().type(), e.getKey().namespace(), e.getKey().name());
                return now == null || !Meta.uid(now).equals(e.getValue());
            }), Instant.MAX.minusSeconds(1));
        }
        return status;
    }

    /** "pod", "deployment.apps": the word delete prints before the quoted name. */
    private static String kindWord(ResourceType type) {
        return type.qualifiedKindLower();
    }

    private static Long grace(Invocation inv) {
        if (inv.args().bool("now")) {
            return 1L;
        }
        String g = inv.args().get("grace-period", "-1");
        long v = Long.parseLong(g);
        if (v < 0) {
            return inv.args().bool("force") ? 0L : null;
        }
        return v;
    }
}
