package kubetutor.engine.api.schema;

/**
 * One validation failure, as apimachinery's field.Error: the field path, the kind of failure, a
 * detail and the offending value. {@link #body()} is the text the API server puts in its cause.
 *
 * @param badValue a String, Number or Boolean, a {@link GoSyntax}, or null when the type prints no value
 */
public record FieldError(String field, Type type, String detail, Object badValue) {

    public enum Type {
        REQUIRED("Required value"), INVALID("Invalid value"), DUPLICATE("Duplicate value"),
        NOT_SUPPORTED("Unsupported value"), FORBIDDEN("Forbidden"), TOO_LONG("Too long");

        private final String text;

        Type(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** A value already in Go's %#v form, such as {@code map[string]string{"app":"web"}}. */
    public record GoSyntax(String text) {}

    public static FieldError required(String field, String detail) {
        return new FieldError(field, Type.REQUIRED, detail, null);
    }

    public static FieldError invalid(String field, Object value, String detail) {
        return new FieldError(field, Type.INVALID, detail, value);
    }

    public static FieldError forbidden(String field, String detail) {
        return new FieldError(field, Type.FORBIDDEN, detail, null);
    }

    /** field.TooLong as apimachinery 0.32 words it (1.31 said "must have at most N bytes"). */
    public static FieldError tooLong(String field, int maxBytes) {
        return new FieldError(field, Type.TOO_LONG, "may not be more than " + maxBytes + " bytes", null);
    }

    public static FieldError duplicate(String field, Object value) {
        return new FieldError(field, Type.DUPLICATE, "", value);
    }

    /** field.NotSupported: the detail lists the accepted values, each quoted. */
    public static FieldError notSupported(String field, Object value, String... supported) {
        StringBuilder sb = new StringBuilder("supported values: ");
        for (int i = 0; i < supported.length; i++) {
            sb.append(i > 0 ? ", " : "").append(quote(supported[i]));
        }
        return new FieldError(field, Type.NOT_SUPPORTED, sb.toString(), value);
    }

    /** The cause message: {@code Invalid value: "Foo": detail}, {@code Required value}, ... */
    public String body() {
        String s = type.text();
        if (type != Type.REQUIRED && type != Type.FORBIDDEN && type != Type.TOO_LONG) {
            s += ": " + render(badValue);
        }
        return detail == null || detail.isEmpty() ? s : s + ": " + detail;
    }

    /** The line kubectl shows for this cause. */
    public String line() {
        return field + ": " + body();
    }

    private static String render(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof GoSyntax g) {
            return g.text();
        }
        return String.valueOf(v);
    }

    /** Go's %q for the strings that occur in manifests. */
    static String quote(String s) {
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
