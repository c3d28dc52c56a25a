package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.patch.Patcher;
import kubetutor.engine.api.schema.SchemaAdmission;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.format.YamlToJson;
import kubetutor.engine.kubectl.Aggregate;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Record;
import kubetutor.engine.kubectl.Targets;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubectl.printer.TemplateOutput;
import kubetutor.engine.output.Output;
import kubetutor.engine.workspace.Entry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * kubectl patch (patch.go): a strategic merge patch by default, a JSON merge patch or a JSON patch
 * with --type, given with -p (JSON or YAML) or --patch-file, sent for each object named. The server
 * applies it ({@link Patcher}); a client dry run applies it here ({@link LocalPatch}). Prints
 * "patched", or "patched (no change)" when the server's object came back as it was.
 */
public final class PatchVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("patch", "Update fields of a resource", List.of(
            TemplateOutput.ALLOW_MISSING_KEYS,
            DryRun.FLAG,
            FlagSpec.value("field-manager", null, ValueKind.TEXT, "kubectl-patch", "Name of the manager used to track field ownership."),
            FlagSpec.many("filename", "f", ValueKind.FILE, "Filename, directory, or URL to files identifying the resource to update"),
            FlagSpec.choice("output", "o", "", "Output format.", "json", "yaml", "name", "jsonpath="),
            FlagSpec.value("patch", "p", ValueKind.TEXT, "", "The patch to be applied to the resource JSON file."),
            FlagSpec.value("patch-file", null, ValueKind.FILE, "", "A file containing a patch to be applied to the resource."),
            TemplateOutput.TEMPLATE,
            FlagSpec.choice("type", null, "strategic", "The type of patch being provided; one of [json merge strategic]",
                    "json", "merge", "strategic"),
            Record.FLAG),
            ValueKind.RESOURCE_TYPE, ValueKind.OBJECT_NAME);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        String output = ObjectWrites.outputFormat(inv);
        DryRun dryRun = DryRun.of(inv);
        String patch = inv.args().get("patch", "");
        String patchFile = inv.args().get("patch-file", "");
        if (!patch.isEmpty() && !patchFile.isEmpty()) {
            throw new UsageException("error: cannot specify --patch and --patch-file together");
        }
        if (patch.isEmpty() && patchFile.isEmpty()) {
            throw new UsageException("error: must specify --patch or --patch-file containing the contents of the patch");
        }
        String typeFlag = inv.args().get("type", "strategic");
        Patcher.Type type = switch (typeFlag.toLowerCase(Locale.ROOT)) {
            case "json" -> Patcher.Type.JSON;
            case "merge" -> Patcher.Type.MERGE;
            case "strategic" -> Patcher.Type.STRATEGIC;
            default -> throw new UsageException("error: --type must be one of [json merge strategic], not \"" + typeFlag + "\"");
        };
        String text = patchFile.isEmpty() ? patch : readFile(inv, patchFile);
        String json = toJson(text, patch);
        List<String> words = inv.args().positional();
        if (words.isEmpty() && inv.args().all("filename").isEmpty()) {
            throw new UsageException(Targets.NONE_GIVEN);
        }
        Targets.Found found = Targets.resolve(inv, words, false);
        Aggregate errors = new Aggregate();
        errors.addAll(found.errors());
        Patcher patcher = new Patcher(inv.cluster().api(), SchemaAdmission.schema());
        Set<String> warned = new LinkedHashSet<>();
        for (Targets.Target t : found.targets()) {
            if (dryRun == DryRun.CLIENT) {
                try {
                    ObjectNode result = LocalPatch.apply(t.type(), t.object(), type, json);
                    boolean changed = !result.equals(t.object());
                    ObjectWrites.printObject(inv, t.type(), result, operation(changed), DryRun.NONE, output);
                } catch (LocalPatch.Failed e) {
                    errors.add(e.getMessage());
                }
                continue;
            }
            Patcher.Result result;
            try {
                result = patcher.patch(t.type(), t.namespace(), t.name(), type, json, dryRun == DryRun.SERVER);
            } catch (ApiException e) {
                errors.addAll(List.of(e));
                continue;
            }
            // kubectl's warning handler prints each of the server's warnings once
            for (String w : result.warnings()) {
                if (warned.add(w)) {
                    inv.sink().emit(Output.Error.info("Warning: " + w));
                }
            }
            ObjectNode shown = result.object();
            if (dryRun == DryRun.NONE && Record.on(inv)) {
                Record.patchOnto(inv, t.type(), t.namespace(), t.name());
                shown = inv.cluster().store().get(t.type(), t.namespace(), t.name());
            }
            // an object read from a file is compared as the file has it: kubectl says "patched"
            boolean changed = result.changed() || !inv.args().all("filename").isEmpty();
            // patch sets its printer's operation after the dry-run suffix was completed into it, so
            // kubectl 1.32 says "patched" after either dry run, never "(server dry run)"
            ObjectWrites.printObject(inv, t.type(), shown, operation(changed), DryRun.NONE, output);
        }
        if (found.targets().isEmpty() && errors.isEmpty()) {
            throw new UsageException("error: no objects passed to patch");
        }
        return errors.print(inv);
    }

    /**
     * 1.32's patch sets the name printer's operation after the dry-run suffix was put on it, so a
     * dry run says "patched" like any other (the callers print with DryRun.NONE for that).
     */
    private static String operation(boolean changed) {
        return changed ? "patched" : "patched (no change)";
    }

    private static String readFile(Invocation inv, String name) {
        Entry e = inv.workspace().look(name);
        if (e instanceof Entry.File f) {
            return f.text();
        }
        String why = e instanceof Entry.Directory ? "is a directory" : "no such file or directory";
        throw new UsageException("error: unable to read patch file: open " + name + ": " + why);
    }

    /**
     * apimachinery's yaml.ToJSON: a text that starts like JSON goes as it is (the server will judge
     * it); anything else is YAML, converted. kubectl's error quotes -p, even when the patch came from a file.
     */
    private static String toJson(String text, String patchFlag) {
        if (text.stripLeading().startsWith("{")) {
            return text;
        }
        try {
            // go-yaml ends a last line that has no newline as if it had one: errors at the end count it
            JsonNode tree = YamlToJson.convert(text.endsWith("\n") ? text : text + "\n");
            return kubetutor.engine.format.JsonWriter.compact(tree);
        } catch (YamlToJson.Failure e) {
            String why = e.getMessage().replaceFirst("^error converting YAML to JSON: ", "");
            throw new UsageException("error: unable to parse " + kubetutor.engine.kubectl.jsonpath.GoValues.goQuote(patchFlag)
                    + ": " + why);
        }
    }
}
