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
import kubetutor.engine.kubectl.printer.TemplateOutput;

import java.util.ArrayList;
import java.util.List;

/**
 * kubectl edit: the objects named (TYPE/NAME, TYPE NAME..., TYPE for all of them, -f) go to the
 * learner's editor as YAML (or JSON with -o json), and what is saved goes back through the API
 * server ("replicationcontroller/web edited"). The editor is the front end's ({@link Invocation#editor()}).
 */
public final class EditVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("edit", "Edit a resource on the server", List.of(
            TemplateOutput.ALLOW_MISSING_KEYS,
            FlagSpec.many("filename", "f", ValueKind.FILE, "Filename, directory, or URL to files to use to edit the resource"),
            FlagSpec.choice("output", "o", "", "Output format.", "json", "yaml"),
            FlagSpec.bool("save-config", null, "If true, the configuration of current object will be saved in its annotation."),
            TemplateOutput.TEMPLATE,
            FlagSpec.choice("validate", null, "strict", "Must be one of: strict (or true), warn, ignore (or false).",
                    "strict", "warn", "ignore").withNoOptDefault("strict"),
            kubetutor.engine.kubectl.Record.FLAG),
            ValueKind.RESOURCE_TYPE, ValueKind.OBJECT_NAME);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        String output = inv.args().get("output", "");
        boolean validate = validation(inv);
        List<String> errors = new ArrayList<>();
        List<EditLoop.Original> originals = originals(inv, errors);
        if (!errors.isEmpty()) {
            errors.forEach(inv::err);
            return 1;
        }
        if (originals.isEmpty()) {
            throw new UsageException("error: edit cancelled, no objects found");
        }
        // -o also says how the file is written, and the file's printer knows only these two
        if (!output.isEmpty() && !output.equals("json") && !output.equals("yaml")) {
            throw new UsageException("error: unable to match a printer suitable for the output format \"" + output
                    + "\", allowed formats are: json,yaml");
        }
        return new EditLoop(inv, originals, output.equals("json"), validate, inv.args().bool("save-config"), output).run();
    }

    /**
     * What kubectl's builder gives edit, read from the server (-f files only name the objects);
     * each object not found is an error, and kubectl edits nothing then.
     */
    private static List<EditLoop.Original> originals(Invocation inv, List<String> errors) {
        List<EditLoop.Original> originals = new ArrayList<>();
        if (!inv.args().all("filename").isEmpty()) {
            for (Manifests.Doc doc : Manifests.read(inv)) {
                if (doc.error() != null) {
                    throw new UsageException("error: " + doc.error());
                }
                ResourceType type = ObjectWrites.typeOf(doc);
                ObjectNode obj = ObjectWrites.withNamespace(type, doc.object(), inv);
                latest(inv, type, Meta.namespace(obj), Meta.name(obj), originals, errors);
            }
            return originals;
        }
        List<ResourceArgs.Request> requests = ObjectQuery.requests(inv);
        if (requests.isEmpty()) {
            throw new UsageException("error: You must provide one or more resources by argument or filename.\n"
                    + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
                    + "   '<resource> <name>'\n   '<resource>'");
        }
        ObjectQuery query = ObjectQuery.of(inv);
        for (ResourceArgs.Request req : requests) {
            if (req.names().isEmpty()) {
                // edit takes a bare type as all objects of that type
                for (JsonNode o : query.find(req).objects()) {
                    originals.add(new EditLoop.Original(req.type(), (ObjectNode) o));
                }
            }
            for (String name : req.names()) {
                latest(inv, req.type(), inv.namespace(), name, originals, errors);
            }
        }
        return originals;
    }

    private static void latest(Invocation inv, ResourceType type, String namespace, String name,
                               List<EditLoop.Original> originals, List<String> errors) {
        ObjectNode o = inv.cluster().store().get(type, namespace, name);
        if (o == null) {
            errors.add(ApiException.notFound(type, name).kubectlMessage());
        } else {
            originals.add(new EditLoop.Original(type, o.deepCopy()));
        }
    }

    /** --validate: strict (or true) and warn check the saved text before anything; ignore (or false) does not. */
    private static boolean validation(Invocation inv) {
        String v = inv.args().get("validate", "strict");
        return switch (v) {
            case "strict", "warn", "1", "t", "T", "true", "TRUE", "True" -> true;
            case "ignore", "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw new UsageException("error: invalid - validate option \"" + v
                    + "\"; must be one of: strict (or true), warn, ignore (or false)");
        };
    }
}
