package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.DeleteOptions;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.schema.FieldValidation;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Durations;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Manifests;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Record;
import kubetutor.engine.kubectl.ValidateFlag;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubectl.printer.TemplateOutput;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl replace -f: a PUT of each object as the file has it (a stale resourceVersion is the
 * server's 409); with --force, delete, wait until gone, then create (kubectl/pkg/cmd/replace).
 */
public final class ReplaceVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("replace", "Replace a resource by file name or stdin", List.of(
            TemplateOutput.ALLOW_MISSING_KEYS,
            FlagSpec.choice("cascade", null, "background", "Must be \"background\", \"orphan\", or \"foreground\".",
                    "background", "orphan", "foreground"),
            DryRun.FLAG,
            FlagSpec.value("field-manager", null, ValueKind.TEXT, "kubectl-replace", "Name of the manager used to track field ownership."),
            FlagSpec.many("filename", "f", ValueKind.FILE, "The files that contain the configurations to replace."),
            FlagSpec.bool("force", null, "If true, immediately remove resources from API and bypass graceful deletion."),
            FlagSpec.value("grace-period", null, ValueKind.TEXT, "-1", "Period of time in seconds given to the resource to terminate gracefully."),
            FlagSpec.value("kustomize", "k", ValueKind.FILE, "", "Process a kustomization directory."),
            FlagSpec.value("output", "o", ValueKind.OUTPUT_FORMAT, "", "Output format."),
            FlagSpec.value("raw", null, ValueKind.TEXT, "", "Raw URI to PUT to the server."),
            FlagSpec.bool("recursive", "R", "Process the directory used in -f, --filename recursively."),
            FlagSpec.bool("save-config", null, "If true, the configuration of current object will be saved in its annotation."),
            FlagSpec.bool("show-managed-fields", null, "If true, keep the managedFields when printing objects."),
            FlagSpec.value("subresource", null, ValueKind.TEXT, "", "If specified, replace will operate on the subresource."),
            TemplateOutput.TEMPLATE,
            FlagSpec.value("timeout", null, ValueKind.DURATION, "0s", "The length of time to wait before giving up on a delete."),
            FlagSpec.value("validate", null, ValueKind.TEXT, "strict", "Must be one of: strict (or true), warn, ignore (or false)."),
            FlagSpec.bool("wait", null, "If true, wait for resources to be gone before returning."),
            Record.FLAG));
    /** kubectl polls every second for the deleted object to be gone, five minutes unless --timeout says otherwise. */
    private static final Duration POLL = Duration.ofSeconds(1);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        String output = ObjectWrites.outputFormat(inv);
        DryRun dryRun = DryRun.of(inv);
        boolean force = inv.args().bool("force");
        long grace = Long.parseLong(inv.args().get("grace-period", "-1"));
        Duration timeout = Durations.parse(inv.args().get("timeout", "0s"));
        if (inv.args().all("filename").isEmpty() && inv.args().get("kustomize", "").isEmpty()) {
            throw new UsageException("error: must specify one of -f and -k");
        }
        // ReplaceOptions.Validate, in its order
        if (grace >= 0 && !force) {
            throw new UsageException("error: --grace-period must have --force specified");
        }
        if (!timeout.isZero() && !force) {
            throw new UsageException("error: --timeout must have --force specified");
        }
        if (force && dryRun != DryRun.NONE) {
            throw new UsageException("error: --dry-run can not be used when --force is set");
        }
        for (String unsimulated : List.of("kustomize", "raw", "subresource")) {
            if (!inv.args().get(unsimulated, "").isEmpty()) {
                throw new UsageException("error: kubetutor does not simulate \"kubectl replace --" + unsimulated + "\"");
            }
        }
        List<Manifests.Doc> docs = Manifests.read(inv);
        FieldValidation validation = ValidateFlag.of(inv);
        return force ? forceReplace(inv, docs, grace, timeout, output, validation) : replace(inv, docs, dryRun, output, validation);
    }

    private static int replace(Invocation inv, List<Manifests.Doc> docs, DryRun dryRun, String output,
                               FieldValidation validation) {
        return ObjectWrites.forEachDocument(inv, docs, (doc, type, desired) -> {
            annotate(inv, desired);
            if (dryRun == DryRun.CLIENT) {
                ObjectWrites.printObject(inv, type, desired, "replaced", dryRun, output);
                return;
            }
            ObjectNode replaced;
            ValidateFlag.beforeWrite(inv, validation, type, desired);
            try {
                // an update is decoded as a create is: strictly, unless --validate said otherwise
                inv.cluster().api().admission().decode(type, desired);
                replaced = inv.cluster().api().update(type, withSystemFields(inv, type, desired), dryRun == DryRun.SERVER);
            } catch (ApiException e) {
                throw new UsageException(ObjectWrites.serverError(e, "replacing", doc.source()));
            }
            ObjectWrites.printObject(inv, type, replaced, "replaced", dryRun, output);
        });
    }

    /**
     * What the API server's BeforeUpdate keeps from the stored object when a PUT leaves it out: the
     * uid, the creation time and the generation. The object must exist: a PUT does not create.
     */
    private static ObjectNode withSystemFields(Invocation inv, ResourceType type, ObjectNode desired) {
        ObjectNode live = inv.cluster().api().get(type, Meta.namespace(desired), Meta.name(desired));
        ObjectNode next = desired.deepCopy();
        ObjectNode meta = Meta.metadata(next);
        ObjectNode liveMeta = Meta.metadata(live);
        if (meta.path("uid").asText("").isEmpty()) {
            meta.set("uid", liveMeta.get("uid"));
        }
        meta.set("creationTimestamp", liveMeta.get("creationTimestamp"));
        if (liveMeta.has("generation")) {
            meta.set("generation", liveMeta.get("generation"));
        }
        return next;
    }

    /** forceReplace: every object deleted (not found is fine), each waited for, then every one created. */
    private static int forceReplace(Invocation inv, List<Manifests.Doc> docs, long grace, Duration timeout, String output,
                                    FieldValidation validation) {
        record Target(ResourceType type, String namespace, String name, String uid) {}
        List<Target> deleted = new ArrayList<>();
        for (Manifests.Doc doc : docs) {
            if (doc.error() != null) {
                inv.err("error: " + doc.error());
                return 1;
            }
            ResourceType type = ObjectWrites.typeOf(doc);
            ObjectNode obj = ObjectWrites.withNamespace(type, doc.object(), inv);
            try {
                // --grace-period 0 with --force is sent as 1, so the kubelet still stops the containers
                Long seconds = grace < 0 ? null : Math.max(grace, 1);
                ObjectNode gone = inv.cluster().api().delete(type, Meta.namespace(obj), Meta.name(obj),
                        new DeleteOptions(seconds, cascade(inv), null, false));
                inv.out(type.qualifiedKindLower() + " \"" + Meta.name(obj) + "\" deleted");
                deleted.add(new Target(type, Meta.namespace(obj), Meta.name(obj), Meta.uid(gone)));
            } catch (ApiException e) {
                if (e.reason() != ApiException.Reason.NotFound) {
                    inv.err(e.kubectlMessage());
                    return 1;
                }
            }
        }
        Instant limit = inv.now().plus(timeout.isZero() ? Duration.ofMinutes(5) : timeout);
        for (Target t : deleted) {
            // wait.PollUntilContextTimeout: look at once, then once a second
            while (true) {
                ObjectNode now = inv.cluster().store().get(t.type(), t.namespace(), t.name());
                if (now == null || !Meta.uid(now).equals(t.uid())) {
                    break;
                }
                Instant next = inv.now().plus(POLL);
                if (next.isAfter(limit)) {
                    inv.err("error: timed out waiting for the condition");
                    return 1;
                }
                if (!inv.runUntil(() -> false, next)) {
                    return 0; // Ctrl-C
                }
            }
        }
        int count = 0;
        for (Manifests.Doc doc : docs) {
            ResourceType type = ObjectWrites.typeOf(doc);
            ObjectNode desired = ObjectWrites.withNamespace(type, doc.object(), inv);
            annotate(inv, desired);
            ValidateFlag.beforeWrite(inv, validation, type, desired);
            try {
                ObjectNode created = inv.cluster().api().create(type, desired, false);
                ObjectWrites.printObject(inv, type, created, "replaced", DryRun.NONE, output);
                count++;
            } catch (ApiException e) {
                inv.err(e.kubectlMessage());
                return 1;
            }
        }
        if (count == 0) {
            throw new UsageException("error: no objects passed to replace");
        }
        return 0;
    }

    /** --save-config keeps the object as given in the last-applied annotation; --record its change cause. */
    private static void annotate(Invocation inv, ObjectNode desired) {
        if (inv.args().bool("save-config")) {
            ObjectWrites.setLastApplied(desired);
        }
        Record.annotate(inv, desired);
    }

    private static DeleteOptions.Propagation cascade(Invocation inv) {
        return switch (inv.args().get("cascade", "background")) {
            case "foreground" -> DeleteOptions.Propagation.Foreground;
            case "orphan" -> DeleteOptions.Propagation.Orphan;
            default -> DeleteOptions.Propagation.Background;
        };
    }
}
