package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.patch.JsonPatch;
import kubetutor.engine.api.patch.MergePatch;
import kubetutor.engine.api.patch.Patcher;
import kubetutor.engine.api.patch.StrategicMerge;
import kubetutor.engine.api.schema.SchemaAdmission;
import kubetutor.engine.format.GoJson;

/**
 * kubectl patch's own application of a patch, for --dry-run=client (patch.go getPatchedJSON): the
 * same algorithms as the server's, with the libraries' own errors, and no decoding afterwards (the
 * object printed keeps what the kind does not have).
 */
final class LocalPatch {
    /** What kubectl reports when the patch does not apply. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    private LocalPatch() {}

    static ObjectNode apply(ResourceType type, ObjectNode original, Patcher.Type patchType, String json) throws Failed {
        JsonNode result = switch (patchType) {
            case JSON -> json(original, json);
            case MERGE -> merge(original, json);
            case STRATEGIC -> strategic(type, original, json);
        };
        if (!result.isObject()) {
            throw new Failed("Object 'Kind' is missing in '" + kubetutor.engine.format.JsonWriter.compact(result) + "'");
        }
        return (ObjectNode) result;
    }

    private static JsonNode json(ObjectNode original, String json) throws Failed {
        JsonNode patch;
        try {
            patch = GoJson.parse(json);
        } catch (GoJson.Invalid e) {
            throw new Failed(e.getMessage());
        }
        if (!patch.isArray() && !patch.isNull()) {
            throw new Failed(GoJson.cannotUnmarshal(patch, "jsonpatch.Patch"));
        }
        for (JsonNode op : patch) {
            if (!op.isObject()) {
                throw new Failed(GoJson.cannotUnmarshal(op, "jsonpatch.Operation"));
            }
        }
        try {
            return patch.isNull() ? original : JsonPatch.apply(original, patch);
        } catch (JsonPatch.Failed e) {
            String msg = e.getMessage();
            int key = msg.indexOf("doc is missing key");
            if (key >= 0) {
                // kubectl's own rewording of the library's error
                throw new Failed("Object to be patched is missing field (" + msg.substring(msg.indexOf("key:") + 5) + ")");
            }
            throw new Failed(msg);
        }
    }

    private static JsonNode merge(ObjectNode original, String json) throws Failed {
        JsonNode patch;
        try {
            patch = GoJson.parse(json);
        } catch (GoJson.Invalid e) {
            throw new Failed("Invalid JSON Patch");
        }
        if (patch.isNull()) {
            throw new Failed("Invalid JSON Patch");
        }
        return MergePatch.apply(original, patch);
    }

    private static JsonNode strategic(ResourceType type, ObjectNode original, String json) throws Failed {
        ObjectNode patch;
        try {
            patch = json.strip().equals("null") ? kubetutor.engine.api.Meta.JSON.objectNode() : GoJson.parseObject(json);
        } catch (GoJson.Invalid e) {
            throw new Failed("invalid JSON document");
        }
        try {
            return StrategicMerge.apply(SchemaAdmission.schema(), type.kind(), original, patch);
        } catch (StrategicMerge.Refused e) {
            throw new Failed(e.getMessage());
        }
    }
}
