package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.RequestSize;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.format.JsonWriter;
import kubetutor.engine.format.ManifestDocument;
import kubetutor.engine.format.ManifestReader;
import kubetutor.engine.format.YamlToJson;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Formats;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Manifests;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.jsonpath.GoValues;
import kubetutor.engine.output.Output;
import kubetutor.engine.workspace.TextEditor;

import java.util.ArrayList;
import java.util.List;

/**
 * kubectl edit's loop (cmd/util/editor EditOptions.Run, normal mode): write the objects to a file,
 * open the editor, and act on what was saved. A file that does not validate, does not parse, or
 * holds a change the API server rejects as invalid is reopened with the reasons in its header; an
 * unchanged file cancels; a file saved unchanged after an error gives up, keeping the file.
 */
final class EditLoop {
    /** An object being edited: its type and the object as read before the editor opened. */
    record Original(ResourceType type, ObjectNode object) {}

    private final Invocation inv;
    private final List<Original> originals;
    private final boolean json;
    private final boolean validate;
    private final boolean saveConfig;
    private final String output;

    /** What the last pass left: its file, the reasons to reopen it, and what went wrong at the server. */
    private String file;
    private List<EditFile.Reason> reasons = new ArrayList<>();
    private int retryable;
    private int notFound;
    private int invalid;

    EditLoop(Invocation inv, List<Original> originals, boolean json, boolean validate, boolean saveConfig, String output) {
        this.inv = inv;
        this.originals = originals;
        this.json = json;
        this.validate = validate;
        this.saveConfig = saveConfig;
        this.output = output;
    }

    int run() {
        TextEditor editor = inv.editor();
        String original = "";
        String edited = "";
        boolean containsError = false;
        while (true) {
            StringBuilder buf = new StringBuilder(json ? "" : EditFile.header(reasons));
            if (!containsError) {
                buf.append(print());
                original = buf.toString();
            } else {
                // the file as the learner left it, under the new header
                buf.append(EditFile.manualStrip(edited));
            }
            String previous = edited;
            TextEditor.Outcome outcome = editor.edit("kubectl-edit-", json ? ".json" : ".yaml", buf.toString());
            if (outcome instanceof TextEditor.Failed f) {
                return preserved(f.message(), file);
            }
            TextEditor.Saved saved = (TextEditor.Saved) outcome;
            edited = saved.text();
            if (containsError && EditFile.stripComments(previous).equals(EditFile.stripComments(edited))) {
                return preserved("Edit cancelled, no valid changes were saved.", saved.path());
            }
            if (file != null) {
                editor.remove(file);
            }
            String problem = validate ? validation(edited) : null;
            if (problem != null) {
                startPass(saved.path());
                containsError = true;
                inv.err(addInvalid(originals.get(0).type(), Meta.name(originals.get(0).object()),
                        List.of("<nil>: Invalid value: \"The edited file failed validation\": " + problem)));
                continue;
            }
            // An empty file does not get here: it fails validation ("invalid object to validate").
            if (EditFile.stripComments(original).equals(EditFile.stripComments(edited))) {
                editor.remove(saved.path());
                inv.sink().emit(Output.Error.info("Edit cancelled, no changes made."));
                return 0;
            }
            startPass(saved.path());
            List<Edited> updated;
            try {
                updated = parse(edited);
            } catch (UsageException e) {
                containsError = true;
                reasons.add(new EditFile.Reason("The edited file had a syntax error: " + e.getMessage().replaceFirst("^error: ", ""),
                        List.of()));
                continue;
            }
            containsError = false;
            try {
                updated.forEach(this::requireNamespace);
                updated.forEach(this::patch);
            } catch (UsageException e) {
                return preserved(e.getMessage().replaceFirst("^error: ", ""), file);
            }
            if (retryable > 0) {
                inv.err("You can run `kubectl replace -f " + file + "` to try this update again.");
                return 1;
            }
            if (notFound > 0) {
                inv.err("The edits you made on deleted resources have been saved to \"" + file + "\"");
                return 1;
            }
            if (invalid == 0) {
                editor.remove(file);
                return 0;
            }
            containsError = !reasons.isEmpty();
        }
    }

    /** kubectl starts each pass's results afresh, remembering the file it was saved in. */
    private void startPass(String path) {
        file = path;
        reasons = new ArrayList<>();
        retryable = 0;
        notFound = 0;
        invalid = 0;
    }

    /** The objects as kubectl writes them into the file: one object, or a List of several. */
    private String print() {
        JsonNode doc;
        if (originals.size() == 1) {
            doc = originals.get(0).object();
        } else {
            ObjectNode list = Meta.JSON.objectNode().put("apiVersion", "v1");
            var items = list.putArray("items");
            originals.forEach(o -> items.add(o.object()));
            list.put("kind", "List");
            list.putObject("metadata");
            doc = list;
        }
        return json ? Formats.json(doc) : Formats.yaml(doc);
    }

    /**
     * kubectl's client-side check of the saved text (the ParamVerifyingSchema of --validate=strict):
     * it must convert to a JSON object with string apiVersion and kind. Returns the problem, or null.
     */
    private static String validation(String edited) {
        JsonNode obj;
        try {
            obj = YamlToJson.convert(EditFile.stripComments(edited));
        } catch (YamlToJson.Failure e) {
            return e.getMessage();
        }
        if (!obj.isObject()) {
            return "invalid object to validate";
        }
        List<String> errors = new ArrayList<>();
        JsonNode apiVersion = obj.path("apiVersion");
        if (apiVersion.isMissingNode() || apiVersion.isNull()) {
            errors.add("apiVersion not set");
        } else if (!apiVersion.isTextual()) {
            errors.add("apiVersion isn't string type");
        } else if (apiVersion.asText().chars().filter(c -> c == '/').count() > 1) {
            errors.add("unexpected GroupVersion string: " + apiVersion.asText());
        }
        JsonNode kind = obj.path("kind");
        if (kind.isMissingNode() || kind.isNull()) {
            errors.add("kind not set");
        } else if (!kind.isTextual()) {
            errors.add("kind isn't string type");
        }
        // Go's aggregate error: one message alone, several in brackets
        return errors.isEmpty() ? null : errors.size() == 1 ? errors.get(0) : "[" + String.join(", ", errors) + "]";
    }

    /** One object of the saved file, with the type its apiVersion and kind map to. */
    private record Edited(ResourceType type, ObjectNode object) {}

    /** The saved file's objects, as kubectl's builder reads a stream it calls "edited-file". */
    private static List<Edited> parse(String edited) {
        List<Edited> out = new ArrayList<>();
        for (ManifestDocument d : ManifestReader.read("edited-file", edited)) {
            if (d instanceof ManifestDocument.Failed f) {
                throw new UsageException("error: " + f.message());
            }
            if (d instanceof ManifestDocument.TooLarge) {
                throw RequestSize.tooLarge();
            }
            ObjectNode object = ((ManifestDocument.Parsed) d).object();
            out.add(new Edited(ObjectWrites.typeOf(new Manifests.Doc("edited-file", object, null)), object));
        }
        return out;
    }

    /** resource.RequireNamespace: an object without a namespace is in the command's; another one is refused. */
    private void requireNamespace(Edited e) {
        if (!e.type().namespaced()) {
            return;
        }
        String own = Meta.namespace(e.object());
        if (own.isEmpty()) {
            Meta.metadata(e.object()).put("namespace", inv.namespace());
        } else if (!own.equals(inv.namespace())) {
            throw new UsageException("error: the namespace from the provided object \"" + own + "\" does not match the namespace \""
                    + inv.namespace() + "\". You must pass '--namespace=" + own + "' to perform this operation.");
        }
    }

    /**
     * visitToPatch: an object as it was is "skipped"; apiVersion, kind and name must not change;
     * the change goes to the API server (kubectl sends the difference as a patch, which on an
     * object no one changed since comes to this update), and its errors are noted for the loop.
     */
    private void patch(Edited e) {
        Original original = originals.stream().filter(o -> Meta.uid(o.object()).equals(Meta.uid(e.object())))
                .findFirst().orElseThrow(() -> new UsageException("error: no original object found for "
                        + "&unstructured.Unstructured{Object:" + GoValues.goSyntax(e.object()) + "}"));
        if (saveConfig) {
            ObjectWrites.setLastApplied(e.object());
        }
        kubetutor.engine.kubectl.Record.annotate(inv, e.object());
        if (JsonWriter.compact(Formats.sorted(original.object())).equals(JsonWriter.compact(Formats.sorted(e.object())))) {
            ObjectWrites.printObject(inv, e.type(), e.object(), "skipped", DryRun.NONE, output);
            return;
        }
        if (!same(original.object(), e.object(), "apiVersion") || !same(original.object(), e.object(), "kind")
                || !Meta.name(original.object()).equals(Meta.name(e.object()))) {
            throw new UsageException("error: At least one of apiVersion, kind and name was changed");
        }
        ObjectNode result;
        try {
            inv.cluster().api().admission().decode(e.type(), e.object());
            result = inv.cluster().api().update(e.type(), e.object().deepCopy());
        } catch (ApiException err) {
            inv.err(addError(e, err));
            return;
        }
        ObjectWrites.printObject(inv, e.type(), result, "edited", DryRun.NONE, output);
    }

    private static boolean same(JsonNode a, JsonNode b, String field) {
        return a.path(field).equals(b.path(field));
    }

    /** editResults.addError: what kubectl prints for a failed patch, noting how the loop goes on. */
    private String addError(Edited e, ApiException err) {
        String resource = e.type().qualifiedPlural();
        String name = Meta.name(e.object());
        return switch (err.reason()) {
            case Invalid -> addInvalid(e.type(), name, causes(err.getMessage()));
            case NotFound -> {
                notFound++;
                yield "error: " + resource + " \"" + name + "\" could not be found on the server";
            }
            default -> {
                retryable++;
                yield "error: " + resource + " \"" + name + "\" could not be patched: " + err.getMessage();
            }
        };
    }

    private String addInvalid(ResourceType type, String name, List<String> causes) {
        invalid++;
        String resource = type.qualifiedPlural();
        reasons.add(new EditFile.Reason(resource + " \"" + name + "\" was not valid", causes));
        return "error: " + resource + " \"" + name + "\" is invalid";
    }

    /** The causes of an Invalid error ("field: message"), as the API server's Status details list them. */
    private static List<String> causes(String message) {
        int at = message.indexOf("\" is invalid: ");
        if (at < 0) {
            return List.of();
        }
        String rest = message.substring(at + "\" is invalid: ".length());
        return rest.startsWith("\n* ") ? List.of(rest.substring(3).split("\n\\* ")) : List.of(rest);
    }

    /** preservedFile: an error that ends the edit says where the learner's changes are kept. */
    private int preserved(String error, String path) {
        if (path != null) {
            inv.err("A copy of your changes has been stored to \"" + path + "\"");
        }
        inv.err(error.startsWith("error: ") ? error : "error: " + error);
        return 1;
    }
}
