package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.schema.FieldValidation;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.ApplyMerge;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.printer.TemplateOutput;
import kubetutor.engine.kubectl.Manifests;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Record;
import kubetutor.engine.kubectl.ValidateFlag;
import kubetutor.engine.kubectl.Verb;

import java.util.List;

/** kubectl apply -f: creates, configures, or leaves unchanged, keeping the last applied configuration. */
public final class ApplyVerb implements Verb {
    /** Built on first use: ObjectMapper's set-up is a large part of a start-up that never applies anything (issue 5). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("apply", "Apply a configuration to a resource by file name or stdin", List.of(
                FlagSpec.many("filename", "f", ValueKind.FILE, "The files that contain the configurations to apply."),
                FlagSpec.choice("output", "o", "", "Output format. One of: (json, yaml, name).", "json", "yaml", "name"),
                DryRun.FLAG,
                FlagSpec.bool("recursive", "R", "Process the directory used in -f, --filename recursively."),
                FlagSpec.value("validate", null, ValueKind.TEXT, "strict", "Must be one of: strict (or true), warn, ignore (or false)."),
                TemplateOutput.ALLOW_MISSING_KEYS, TemplateOutput.TEMPLATE, Record.FLAG));
    }

    @Override
    public int run(Invocation inv) {
        if (inv.args().all("filename").isEmpty()) {
            throw new UsageException("error: must specify one of -f and -k");
        }
        List<Manifests.Doc> docs = Manifests.read(inv);
        if (docs.isEmpty()) {
            throw new UsageException("error: no objects passed to apply");
        }
        DryRun dryRun = DryRun.of(inv);
        FieldValidation validation = ValidateFlag.of(inv);
        String output = inv.args().get("output", "");
        return ObjectWrites.forEachDocument(inv, docs, (doc, type, desired) -> {
            // recorded first, as kubectl apply does: the change cause is part of what it saves as applied
            Record.annotate(inv, desired);
            ObjectWrites.setLastApplied(desired);
            ObjectNode live = inv.cluster().store().get(type, Meta.namespace(desired), Meta.name(desired));
            if (live == null) {
                if (dryRun != DryRun.CLIENT) {
                    ValidateFlag.beforeWrite(inv, validation, type, desired);
                }
                ObjectNode created = dryRun == DryRun.CLIENT ? desired
                        : inv.cluster().api().create(type, desired, dryRun == DryRun.SERVER);
                ObjectWrites.printResult(inv, type, created, "created", dryRun, output);
                return;
            }
            String lastText = Meta.annotations(live).get(ObjectWrites.LAST_APPLIED);
            if (lastText == null) {
                inv.warn("Warning: resource " + type.plural() + "/" + Meta.name(live) + " is missing the "
                        + ObjectWrites.LAST_APPLIED + " annotation which is required by kubectl apply. kubectl apply"
                        + " should only be used on resources created declaratively by either kubectl create"
                        + " --save-config or kubectl apply. The missing annotation will be patched automatically.");
            }
            // the server drops what --validate lets through before the patch touches the object
            boolean dropped = dryRun != DryRun.CLIENT && ValidateFlag.beforeWrite(inv, validation, type, desired);
            JsonNode last = lastText == null ? null : Json.MAPPER.readTree(lastText);
            ObjectNode merged = ApplyMerge.merge(last, desired, live);
            if (merged.equals(live) && !dropped) {
                ObjectWrites.printResult(inv, type, live, "unchanged", dryRun, output);
                return;
            }
            if (dryRun != DryRun.CLIENT) {
                try {
                    inv.cluster().api().admission().decode(type, desired);
                    merged = inv.cluster().api().update(type, merged, dryRun == DryRun.SERVER);
                } catch (ApiException e) {
                    throw new ObjectWrites.PatchFailed(e);
                }
            }
            ObjectWrites.printResult(inv, type, merged, "configured", dryRun, output);
        });
    }
}
