package kubetutor.engine.kubectl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.RequestSize;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.printer.TemplateOutput;

import java.util.Optional;

/** What create and apply share: finding a manifest's type and namespace, and kubectl's wording of server errors. */
public final class ObjectWrites {
    private ObjectWrites() {}

    /** The type of a manifest, or the error kubectl's REST mapper gives. */
    public static ResourceType typeOf(Manifests.Doc doc) {
        String apiVersion = doc.object().path("apiVersion").asText("");
        String kind = doc.object().path("kind").asText("");
        Optional<ResourceType> t = ResourceTypes.forKind(apiVersion, kind);
        if (t.isEmpty()) {
            String ns = doc.object().path("metadata").path("namespace").asText("");
            throw new UsageException("error: resource mapping not found for name: \"" + Meta.name(doc.object())
                    + "\" namespace: \"" + ns + "\" from \"" + doc.source() + "\": no matches for kind \"" + kind
                    + "\" in version \"" + apiVersion + "\"\nensure CRDs are installed first");
        }
        return t.get();
    }

    /** Sets the namespace a namespaced object goes to, as kubectl does (-n must agree with the manifest). */
    public static ObjectNode withNamespace(ResourceType type, ObjectNode obj, Invocation inv) {
        ObjectNode copy = obj.deepCopy();
        if (!type.namespaced()) {
            return copy;
        }
        String own = copy.path("metadata").path("namespace").asText("");
        if (!own.isEmpty() && inv.namespaceGiven() && !own.equals(inv.namespace())) {
            throw new UsageException("error: the namespace from the provided object \"" + own
                    + "\" does not match the namespace \"" + inv.namespace()
                    + "\". You must pass '--namespace=" + own + "' to perform this operation.");
        }
        if (own.isEmpty()) {
            Meta.metadata(copy).put("namespace", inv.namespace());
        }
        return copy;
    }

    /** kubectl's message for a server error on a file's object ("error when creating \"f.yaml\": ..."). */
    public static String serverError(ApiException e, String verb, String source) {
        if (e.reason() == ApiException.Reason.Invalid) {
            return e.getMessage();
        }
        return "Error from server (" + e.reason() + "): error when " + verb + " \"" + source + "\": " + e.getMessage();
    }

    public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    /**
     * Records the object as applied, as kubectl apply does: its JSON with sorted keys, an empty
     * annotations map where the annotation itself was, and a final newline.
     */
    public static void setLastApplied(ObjectNode obj) {
        ObjectNode copy = obj.deepCopy();
        ObjectNode meta = Meta.metadata(copy);
        ObjectNode ann = meta.has("annotations") && meta.get("annotations").isObject()
                ? (ObjectNode) meta.get("annotations") : meta.putObject("annotations");
        ann.remove(LAST_APPLIED);
        String json = kubetutor.engine.format.JsonWriter.compact(Formats.sorted(copy)) + "\n";
        ObjectNode target = Meta.metadata(obj);
        ObjectNode targetAnn = target.has("annotations") && target.get("annotations").isObject()
                ? (ObjectNode) target.get("annotations") : target.putObject("annotations");
        targetAnn.put(LAST_APPLIED, json);
    }

    /**
     * The -o of a writing verb, checked before anything is written, as kubectl builds its printer
     * first: json, yaml, name or a JSONPath template, else kubectl's "unable to match a printer".
     */
    public static String outputFormat(Invocation inv) {
        String output = inv.args().get("output", "");
        if (!output.isEmpty() && !java.util.List.of("json", "yaml", "name").contains(output) && !TemplateOutput.isJsonPath(output)) {
            throw new UsageException("error: unable to match a printer suitable for the output format \"" + output
                    + "\", allowed formats are: " + TemplateOutput.WRITE_FORMATS);
        }
        if (TemplateOutput.isJsonPath(output)) {
            TemplateOutput.of(inv, output, TemplateOutput.WRITE_FORMATS); // a template that does not parse fails first
        }
        return output;
    }

    /** The line (or document) create, apply and run print for an object they wrote. */
    public static void printResult(Invocation inv, ResourceType type, ObjectNode obj, String verb, DryRun dryRun,
                                   String output) {
        printObject(inv, type, obj, verb, dryRun, output);
    }

    /** kubectl's printer for a write: -o yaml|json|name|jsonpath, else the name printer's "kind/name verb". */
    public static void printObject(Invocation inv, ResourceType type, ObjectNode obj, String verb, DryRun dryRun,
                                   String output) {
        switch (TemplateOutput.isJsonPath(output) ? "jsonpath" : output) {
            case "jsonpath" -> TemplateOutput.of(inv, output, TemplateOutput.WRITE_FORMATS).print(obj);
            case "yaml" -> inv.sink().emit(new kubetutor.engine.output.Output.Text(Formats.yaml(obj),
                    kubetutor.engine.output.Output.TextKind.YAML));
            case "json" -> inv.sink().emit(new kubetutor.engine.output.Output.Text(Formats.json(obj),
                    kubetutor.engine.output.Output.TextKind.JSON));
            case "name" -> inv.out(type.qualifiedKindLower() + "/" + Meta.name(obj));
            default -> inv.out(type.qualifiedKindLower() + "/" + Meta.name(obj) + " " + verb + dryRun.suffix());
        }
    }

    /** What create and apply do with one document of -f, once its type and namespace are known. */
    @FunctionalInterface
    public interface DocumentWriter {
        void write(Manifests.Doc doc, ResourceType type, ObjectNode obj) throws java.io.IOException;
    }

    /** A server error met while patching (not creating): kubectl then says "error when patching". */
    public static final class PatchFailed extends RuntimeException {
        private final ApiException error;

        public PatchFailed(ApiException error) {
            super(error.getMessage(), error, false, false);
            this.error = error;
        }
    }

    /**
     * Writes every document of -f in turn. A document that cannot be read or written is reported
     * as kubectl reports it, and the next one is still written; the status is 1 when any failed.
     */
    public static int forEachDocument(Invocation inv, java.util.List<Manifests.Doc> docs, DocumentWriter writer) {
        int status = 0;
        for (Manifests.Doc doc : docs) {
            if (doc.tooLarge()) {
                inv.err(serverError(RequestSize.tooLarge(), "creating", doc.source()));
                status = 1;
                continue;
            }
            if (doc.error() != null) {
                inv.err("error: " + doc.error());
                status = 1;
                continue;
            }
            try {
                ResourceType type = typeOf(doc);
                writer.write(doc, type, withNamespace(type, doc.object(), inv));
            } catch (PatchFailed e) {
                inv.err(serverError(e.error, "patching", doc.source()));
                status = 1;
            } catch (ApiException e) {
                inv.err(serverError(e, "creating", doc.source()));
                status = 1;
            } catch (UsageException e) {
                inv.err(e.getMessage());
                status = 1;
            } catch (java.io.IOException e) {
                inv.err("error: " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }
}
