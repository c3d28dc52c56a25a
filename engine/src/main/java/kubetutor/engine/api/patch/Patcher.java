package kubetutor.engine.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.schema.Decoder;
import kubetutor.engine.api.schema.FieldValidation;
import kubetutor.engine.api.schema.Schema;
import kubetutor.engine.format.GoJson;
import kubetutor.engine.format.JsonWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The API server's PATCH of an object (endpoints/handlers/patch.go): the patch is decoded and
 * applied to the stored object, the result converted back to the kind's struct (a value of the
 * wrong type is an Invalid error; a field the kind does not have is dropped with a warning under
 * fieldValidation=Warn, which kubectl patch gets, silently under Ignore, and refused under Strict,
 * which kubectl apply sends), then written as an update, through defaulting and validation. A patch
 * that changes nothing writes nothing.
 */
public final class Patcher {
    /** The three patch types kubectl sends. */
    public enum Type { STRATEGIC, MERGE, JSON }

    /** What the server answers: the object after the patch, its warnings, and whether it changed. */
    public record Result(ObjectNode object, List<String> warnings, boolean changed) {}

    private final ApiServer api;
    private final Schema schema;
    private final FieldValidation validation;

    public Patcher(ApiServer api, Schema schema) {
        this(api, schema, FieldValidation.WARN);
    }

    public Patcher(ApiServer api, Schema schema, FieldValidation validation) {
        this.api = api;
        this.schema = schema;
        this.validation = validation;
    }

    public Result patch(ResourceType type, String namespace, String name, Type patchType, String patchJson, boolean dryRun) {
        ObjectNode current = api.get(type, namespace, name);
        List<String> warnings = new ArrayList<>();
        ObjectNode patched = switch (patchType) {
            case STRATEGIC -> strategic(type, current, patchJson, warnings);
            case MERGE -> merge(type, current, patchJson, warnings);
            case JSON -> json(type, current, patchJson, warnings);
        };
        if (!Meta.name(patched).equals(name)) {
            throw new ApiException(ApiException.Reason.BadRequest, "the name of the object (" + Meta.name(patched)
                    + ") does not match the name on the URL (" + name + ")");
        }
        if (type.namespaced() && !Meta.namespace(patched).equals(namespace)) {
            throw new ApiException(ApiException.Reason.BadRequest, "the namespace of the provided object does not match"
                    + " the namespace sent on the request");
        }
        // The patched object is decoded as any request body is: a number past its field's width is refused here.
        api.admission().decode(type, patched);
        schema.reorder(type, patched);
        ObjectNode preview = api.update(type, patched.deepCopy(), true);
        if (JsonValues.equivalent(preview, current)) {
            return new Result(current, warnings, false);
        }
        ObjectNode written = dryRun ? preview : api.update(type, patched, false);
        return new Result(written, warnings, true);
    }

    private ObjectNode strategic(ResourceType type, ObjectNode current, String patchJson, List<String> warnings) {
        ObjectNode patch;
        try {
            // null decodes into a map as no map at all: nothing to merge
            patch = patchJson.strip().equals("null") ? Meta.JSON.objectNode() : GoJson.parseObject(patchJson);
        } catch (GoJson.Invalid e) {
            throw new ApiException(ApiException.Reason.BadRequest, e.getMessage());
        }
        ObjectNode patched;
        try {
            patched = StrategicMerge.apply(schema, type.kind(), current, patch);
        } catch (StrategicMerge.Refused e) {
            // interpretStrategicMergePatchError passes most of the library's errors through as they are
            throw new ApiException(e.getMessage().startsWith("invalid patch format") ? ApiException.Reason.BadRequest
                    : ApiException.Reason.Unknown, e.getMessage());
        }
        Conversion conversion = new Conversion(schema);
        Optional<String> typeError = conversion.typeError(type.kind(), patched);
        if (typeError.isPresent()) {
            throw invalidPatch(GoFormat.value(patch), typeError.get());
        }
        String patchText = GoFormat.value(patch);
        unknownFields(conversion.dropUnknown(type.kind(), patched), () -> patchText, warnings);
        return patched;
    }

    private ObjectNode merge(ResourceType type, ObjectNode current, String patchJson, List<String> warnings) {
        JsonNode patch;
        try {
            patch = patchJson.strip().equals("null") ? null : GoJson.parseObject(patchJson);
        } catch (GoJson.Invalid e) {
            throw new ApiException(ApiException.Reason.BadRequest, "error decoding patch: " + e.getMessage());
        }
        if (patch == null) {
            throw new ApiException(ApiException.Reason.BadRequest, "Invalid JSON Patch");
        }
        return decoded(type, MergePatch.apply(current, patch), warnings);
    }

    private ObjectNode json(ResourceType type, ObjectNode current, String patchJson, List<String> warnings) {
        JsonNode patch;
        try {
            patch = GoJson.parse(patchJson);
        } catch (GoJson.Invalid e) {
            throw new ApiException(ApiException.Reason.BadRequest, "error decoding patch: " + e.getMessage());
        }
        if (patch.isNull()) {
            return decoded(type, current.deepCopy(), warnings);
        }
        if (!patch.isArray()) {
            throw new ApiException(ApiException.Reason.BadRequest, "error decoding patch: "
                    + GoJson.cannotUnmarshal(patch, "[]handlers.jsonPatchOp"));
        }
        for (JsonNode op : patch) {
            if (!op.isObject()) {
                throw new ApiException(ApiException.Reason.BadRequest, "error decoding patch: "
                        + GoJson.cannotUnmarshal(op, "handlers.jsonPatchOp"));
            }
        }
        try {
            return decoded(type, JsonPatch.apply(current, patch), warnings);
        } catch (JsonPatch.Failed e) {
            // a generic 422: the library's reason stays on the server
            throw new ApiException(ApiException.Reason.Invalid,
                    "The request is invalid: the server rejected our request due to an error in our request");
        }
    }

    /** The JSON codec's strict decoding of a merged document: Go's type errors, unknown fields dropped with a warning. */
    private ObjectNode decoded(ResourceType type, JsonNode doc, List<String> warnings) {
        if (!doc.isObject()) {
            throw invalidPatch(JsonWriter.compact(doc), GoJson.cannotUnmarshal(doc, "v1." + type.kind()));
        }
        ObjectNode obj = (ObjectNode) doc;
        Optional<String> typeError = new Decoder(schema).typeError(type, obj);
        if (typeError.isPresent()) {
            throw invalidPatch(JsonWriter.compact(obj), typeError.get());
        }
        String patchedText = validation == FieldValidation.STRICT ? JsonWriter.compact(obj) : "";
        unknownFields(new Conversion(schema).dropUnknown(type.kind(), obj), () -> patchedText, warnings);
        return obj;
    }

    /** What the directive makes of the fields the conversion dropped: warnings, nothing, or the strict error. */
    private void unknownFields(List<String> dropped, Supplier<String> patchText, List<String> warnings) {
        if (dropped.isEmpty() || validation == FieldValidation.IGNORE) {
            return;
        }
        if (validation == FieldValidation.STRICT) {
            throw invalidPatch(patchText.get(), Decoder.strictDecodingError(dropped));
        }
        dropped.forEach(f -> warnings.add(FieldValidation.warning(f)));
    }

    /** errors.NewInvalid with no kind or name, as kubectl prints it: "The request is invalid: patch: ...". */
    private static ApiException invalidPatch(String value, String detail) {
        return new ApiException(ApiException.Reason.Invalid, "The request is invalid: patch: Invalid value: "
                + goQuote(value) + ": " + detail);
    }

    /** strconv.Quote for the ASCII text these messages hold. */
    private static String goQuote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
