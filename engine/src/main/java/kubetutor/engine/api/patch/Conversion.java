package kubetutor.engine.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.schema.Field;
import kubetutor.engine.api.schema.FieldType;
import kubetutor.engine.api.schema.Schema;
import kubetutor.engine.api.schema.TypeDef;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * What the API server's unstructured converter (FromUnstructuredWithValidation) makes of a patched
 * object: the first value of the wrong type, in its words ("unrecognized type: int32", "cannot
 * convert int64 to string", "cannot restore struct from: string"), walking struct fields in Go
 * order; and, when every value fits, the fields no struct has, which the server drops with a
 * warning (fieldValidation=Warn is what kubectl patch gets).
 */
final class Conversion {
    private final Schema schema;

    Conversion(Schema schema) {
        this.schema = schema;
    }

    /** The converter's error for the first value of the wrong type, if any. */
    Optional<String> typeError(String rootType, JsonNode object) {
        return Optional.ofNullable(check(new FieldType.Ref(rootType), object));
    }

    /** Removes the fields the schema does not know, in place; their paths, sorted as kubetutor reports them. */
    List<String> dropUnknown(String rootType, ObjectNode object) {
        List<String> out = new ArrayList<>();
        drop(new FieldType.Ref(rootType), object, "", out);
        return out;
    }

    private String check(FieldType type, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (type instanceof FieldType.Ref ref) {
            TypeDef t = schema.type(ref.name()).orElse(null);
            if (t == null || t.open()) {
                return null;
            }
            if (!v.isObject()) {
                return "cannot restore struct from: " + kind(v);
            }
            for (Field f : t.fields()) {
                String e = check(f.type(), v.get(f.name()));
                if (e != null) {
                    return e;
                }
            }
            return null;
        }
        if (type instanceof FieldType.MapOf map) {
            if (!v.isObject()) {
                return "cannot restore map from " + kind(v);
            }
            for (JsonNode item : v) {
                String e = check(map.value(), item);
                if (e != null) {
                    return e;
                }
            }
            return null;
        }
        if (type instanceof FieldType.ArrayOf arr) {
            if (!v.isArray()) {
                return "cannot restore slice from " + kind(v);
            }
            for (JsonNode item : v) {
                String e = check(arr.item(), item);
                if (e != null) {
                    return e;
                }
            }
            return null;
        }
        return scalar(((FieldType.Scalar) type).name(), v);
    }

    /** fromUnstructured's rules for Go's simple kinds: JSON keeps bools, integers, floats and strings apart. */
    private static String scalar(String type, JsonNode v) {
        String goType = switch (type) {
            case "string", "bytes" -> "string";
            case "int32" -> "int32";
            case "int64" -> "int64";
            case "boolean" -> "bool";
            case "float64" -> "float64";
            default -> null;
        };
        if (goType == null) {
            // Quantity, IntOrString and times decode themselves; what they refuse is not modelled here
            return null;
        }
        String kind = kind(v);
        if (kind.equals(goType) || goType.equals("string") && kind.equals("string")) {
            return null;
        }
        boolean integer = goType.equals("int32") || goType.equals("int64");
        if ((integer || goType.equals("float64")) && kind.equals("int64")) {
            return null;
        }
        if (integer && kind.equals("float64")) {
            return v.doubleValue() == Math.rint(v.doubleValue()) ? null : "cannot convert float64 to " + goType;
        }
        if (goType.equals("string") && kind.equals("int64")) {
            // Go converts integers to strings (as runes), so the converter gets this far and refuses
            return "cannot convert int64 to string";
        }
        return "unrecognized type: " + goType;
    }

    /** reflect's Kind of a decoded JSON value. */
    private static String kind(JsonNode v) {
        if (v.isObject()) {
            return "map";
        }
        if (v.isArray()) {
            return "slice";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isBoolean()) {
            return "bool";
        }
        return v.isIntegralNumber() ? "int64" : "float64";
    }

    private void drop(FieldType type, JsonNode node, String path, List<String> out) {
        if (type instanceof FieldType.Ref ref && node.isObject()) {
            TypeDef t = schema.type(ref.name()).orElse(null);
            if (t == null || t.open()) {
                return;
            }
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            for (String key : keys) {
                String child = path.isEmpty() ? key : path + "." + key;
                Optional<Field> f = t.field(key);
                if (f.isEmpty()) {
                    out.add(child);
                    ((ObjectNode) node).remove(key);
                } else {
                    drop(f.get().type(), node.get(key), child, out);
                }
            }
        } else if (type instanceof FieldType.ArrayOf arr && node.isArray()) {
            int i = 0;
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); i++) {
                drop(arr.item(), it.next(), path + "[" + i + "]", out);
            }
        } else if (type instanceof FieldType.MapOf map && node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            for (String key : keys) {
                drop(map.value(), node.get(key), path + "[" + key + "]", out);
            }
        }
    }
}
