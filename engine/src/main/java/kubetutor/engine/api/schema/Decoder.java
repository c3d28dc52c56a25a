package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kubetutor.engine.api.ResourceQuantity;
import kubetutor.engine.api.ResourceType;

/**
 * What the API server says when it cannot decode a manifest: Go's JSON type errors, quantity parse
 * errors, and strict decoding's unknown fields. A type error wins over unknown fields, because the
 * server only reports strictness problems of an object that decoded.
 */
public final class Decoder {

    private final Schema schema;

    public Decoder(Schema schema) {
        this.schema = schema;
    }

    /**
     * The API server's message for a manifest it cannot decode, e.g. {@code Pod in version "v1" cannot
     * be handled as a Pod: strict decoding error: unknown field "spec.foo"}; empty if it decodes.
     */
    public Optional<String> decodeError(ResourceType kind, JsonNode object) {
        Optional<String> typeError = typeError(kind, object);
        if (typeError.isPresent()) {
            return Optional.of(cannotBeHandled(kind, typeError.get()));
        }
        List<String> unknown = schema.unknownFields(kind, object);
        if (!unknown.isEmpty()) {
            return Optional.of(cannotBeHandled(kind, strictDecodingError(unknown)));
        }
        return Optional.empty();
    }

    /** kubectl's line for a create (also apply of a new object) the server rejected with BadRequest. */
    public static String kubectlCreateError(String source, String serverMessage) {
        return "Error from server (BadRequest): error when creating \"" + source + "\": " + serverMessage;
    }

    /**
     * kubectl apply's line when the patch of an existing object is rejected with BadRequest: kubectl
     * wraps the error with the patch it sent and the object it was for.
     */
    public static String kubectlApplyPatchError(ResourceType kind, String name, String namespace, String source,
                                                String patchJson, String serverMessage) {
        String gv = kind.group().isEmpty() ? "/" + kind.version() : kind.group() + "/" + kind.version();
        return "Error from server (BadRequest): error when applying patch:\n" + patchJson + "\nto:\n"
                + "Resource: \"" + gv + ", Resource=" + kind.plural() + "\", GroupVersionKind: \"" + gv + ", Kind=" + kind.kind() + "\"\n"
                + "Name: \"" + name + "\", Namespace: \"" + namespace + "\"\n"
                + "for: \"" + source + "\": error when patching \"" + source + "\": " + serverMessage;
    }

    static String cannotBeHandled(ResourceType kind, String detail) {
        return kind.kind() + " in version \"" + kind.version() + "\" cannot be handled as a " + kind.kind() + ": " + detail;
    }

    /** The strict decoder's error for these unknown fields ("strict decoding error: unknown field ..."). */
    public static String strictDecodingError(List<String> unknown) {
        List<String> parts = new ArrayList<>();
        for (String u : unknown) {
            parts.add("unknown field \"" + u + "\"");
        }
        return "strict decoding error: " + String.join(", ", parts);
    }

    /** The first JSON type error Go's decoder would report, in sorted-key order. */
    public Optional<String> typeError(ResourceType kind, JsonNode object) {
        Walk walk = new Walk();
        walk.struct(schema.typeOf(kind), object, "");
        return Optional.ofNullable(walk.fatal != null ? walk.fatal : walk.first);
    }

    /** One decode pass. Go keeps the first type mismatch and goes on; a custom unmarshaller's error stops it. */
    private final class Walk {
        String first;
        String fatal;

        void struct(TypeDef type, JsonNode node, String path) {
            if (type.open() || fatal != null) {
                return;
            }
            for (String key : Schema.sortedKeys(node)) {
                Optional<Field> f = type.field(key);
                if (f.isPresent()) {
                    String child = path.isEmpty() ? key : path + "." + key;
                    value(f.get().type(), node.get(key), type, child);
                }
            }
        }

        void value(FieldType ft, JsonNode v, TypeDef owner, String path) {
            if (v.isNull() || fatal != null) {
                return;
            }
            if (ft instanceof FieldType.Ref ref) {
                TypeDef t = schema.type(ref.name()).orElseThrow();
                if (v.isObject()) {
                    struct(t, v, path);
                } else {
                    mismatch(v, owner, path, t.goName());
                }
            } else if (ft instanceof FieldType.ArrayOf arr) {
                if (v.isArray()) {
                    v.forEach(item -> value(arr.item(), item, owner, path));
                } else {
                    mismatch(v, owner, path, goName(ft));
                }
            } else if (ft instanceof FieldType.MapOf map) {
                if (v.isObject()) {
                    v.forEach(item -> value(map.value(), item, owner, path));
                } else {
                    mismatch(v, owner, path, goName(ft));
                }
            } else {
                scalar(((FieldType.Scalar) ft).name(), v, owner, path);
            }
        }

        void scalar(String name, JsonNode v, TypeDef owner, String path) {
            switch (name) {
                case "string", "Time", "MicroTime" -> {
                    if (!v.isTextual()) {
                        mismatch(v, owner, path, "string");
                    }
                }
                case "boolean" -> {
                    if (!v.isBoolean()) {
                        mismatch(v, owner, path, "bool");
                    }
                }
                case "float64" -> {
                    if (!v.isNumber()) {
                        mismatch(v, owner, path, "float64");
                    }
                }
                case "int32", "int64" -> integer(name, v, owner, path);
                case "IntOrString" -> {
                    // intstr decodes a non-string itself as an int32; its error then gets the field's context
                    if (!v.isTextual()) {
                        String before = first;
                        first = null;
                        integer("int32", v, owner, path);
                        if (first != null) {
                            fatal = first;
                        }
                        first = before;
                    }
                }
                case "Quantity" -> quantity(v);
                case "bytes" -> bytes(v, owner, path);
                default -> throw new IllegalStateException(name);
            }
        }

        void integer(String goType, JsonNode v, TypeDef owner, String path) {
            if (!v.isNumber()) {
                mismatch(v, owner, path, goType);
                return;
            }
            BigDecimal d = v.decimalValue();
            long lo = goType.equals("int32") ? Integer.MIN_VALUE : Long.MIN_VALUE;
            long hi = goType.equals("int32") ? Integer.MAX_VALUE : Long.MAX_VALUE;
            boolean integral = d.stripTrailingZeros().scale() <= 0 && !v.isFloatingPointNumber();
            if (!integral || d.compareTo(BigDecimal.valueOf(lo)) < 0 || d.compareTo(BigDecimal.valueOf(hi)) > 0) {
                record("number " + v.asText(), owner, path, goType);
            }
        }

        void quantity(JsonNode v) {
            // Quantity.UnmarshalJSON: a JSON string or number, read by ParseQuantity after trimming blanks.
            String s = v.isTextual() || v.isNumber() ? v.asText().trim() : null;
            if (s == null) {
                fatal = ResourceQuantity.FORMAT_WRONG;
                return;
            }
            ResourceQuantity.problem(s).ifPresent(p -> fatal = p);
        }

        /** A []byte field: base64 text, or Go's CorruptInputError (saved like a type error, without its prefix). */
        void bytes(JsonNode v, TypeDef owner, String path) {
            if (!v.isTextual()) {
                mismatch(v, owner, path, "[]uint8");
                return;
            }
            int at = GoBase64.corruptAt(v.asText());
            if (at >= 0 && first == null) {
                first = "illegal base64 data at input byte " + at;
            }
        }

        void mismatch(JsonNode v, TypeDef owner, String path, String goType) {
            record(jsonKind(v), owner, path, goType);
        }

        void record(String value, TypeDef owner, String path, String goType) {
            if (first == null) {
                String struct = owner.goName().substring(owner.goName().indexOf('.') + 1);
                first = "json: cannot unmarshal " + value + " into Go struct field " + struct + "." + path + " of type " + goType;
            }
        }
    }

    private String goName(FieldType ft) {
        if (ft instanceof FieldType.ArrayOf a) {
            return "[]" + goName(a.item());
        }
        if (ft instanceof FieldType.MapOf m) {
            return "map[string]" + goName(m.value());
        }
        if (ft instanceof FieldType.Ref r) {
            return schema.type(r.name()).orElseThrow().goName();
        }
        return switch (((FieldType.Scalar) ft).name()) {
            case "boolean" -> "bool";
            case "Time", "MicroTime" -> "v1." + ((FieldType.Scalar) ft).name();
            case "bytes" -> "[]uint8";
            case "IntOrString" -> "intstr.IntOrString";
            case "Quantity" -> "resource.Quantity";
            default -> ((FieldType.Scalar) ft).name();
        };
    }

    private static String jsonKind(JsonNode v) {
        if (v.isTextual()) {
            return "string";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "bool";
        }
        return v.isArray() ? "array" : "object";
    }
}
