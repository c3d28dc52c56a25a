package kubetutor.engine.api.schema;

/**
 * The JSON shape of a field, as the Go type behind it decodes. Kept small on purpose: these are
 * exactly the shapes the served kinds use.
 */
public sealed interface FieldType {

    /**
     * A leaf value: string, int32, int64, boolean, float64, Time, MicroTime, IntOrString, Quantity,
     * or bytes (Go's []byte, base64 text in JSON).
     */
    record Scalar(String name) implements FieldType {}

    /** A JSON array of {@code item}. */
    record ArrayOf(FieldType item) implements FieldType {}

    /** A JSON object with string keys and {@code value} values. */
    record MapOf(FieldType value) implements FieldType {}

    /** A struct described by a {@link TypeDef} of that name. */
    record Ref(String name) implements FieldType {}

    static FieldType parse(String text) {
        if (text.startsWith("[]")) {
            return new ArrayOf(parse(text.substring(2)));
        }
        if (text.startsWith("map[string]")) {
            return new MapOf(parse(text.substring("map[string]".length())));
        }
        switch (text) {
            case "string", "int32", "int64", "boolean", "float64", "Time", "MicroTime", "IntOrString", "Quantity", "bytes":
                return new Scalar(text);
            default:
                return new Ref(text);
        }
    }
}
