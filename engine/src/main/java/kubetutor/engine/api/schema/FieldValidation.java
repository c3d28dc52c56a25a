package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ResourceType;

import java.util.List;

/**
 * The fieldValidation directive of a create, update or patch: what the API server does with the
 * fields a kind does not have. Strict refuses the request (the strict decoding error), Warn drops
 * them and answers with one warning each, Ignore drops them silently. The server's default is Warn;
 * kubectl 1.32 sends what its --validate flag says (strict unless told otherwise).
 */
public enum FieldValidation {
    IGNORE, WARN, STRICT;

    /** The query parameter as the API server reads it: absent means Warn. */
    public static FieldValidation ofParameter(String value) {
        if (value == null || value.isEmpty()) {
            return WARN;
        }
        return switch (value) {
            case "Ignore" -> IGNORE;
            case "Strict" -> STRICT;
            default -> WARN;
        };
    }

    /**
     * kubectl's --validate flag (GetValidationDirective): strict, warn, ignore, or a boolean as Go's
     * strconv.ParseBool reads it; null for any other value, which kubectl refuses.
     */
    public static FieldValidation ofFlag(String value) {
        return switch (value) {
            case "strict", "1", "t", "T", "true", "TRUE", "True" -> STRICT;
            case "warn" -> WARN;
            case "ignore", "0", "f", "F", "false", "FALSE", "False" -> IGNORE;
            default -> null;
        };
    }

    /** kubectl's error for a --validate value it does not know. */
    public static String flagError(String value) {
        return "error: invalid - validate option \"" + value + "\"; must be one of: strict (or true), warn, ignore (or false)";
    }

    /**
     * Applies the directive to a request body before it is decoded: under Warn and Ignore the unknown
     * fields are removed (so the strict decoding that follows finds none) and the warnings returned;
     * under Strict the body is left for the decoder to refuse. A body with a value of the wrong type
     * is left alone too: the server reports the type error, whatever the directive.
     */
    public List<String> beforeDecoding(Schema schema, ResourceType kind, ObjectNode body) {
        if (this == STRICT || new Decoder(schema).typeError(kind, body).isPresent()) {
            return List.of();
        }
        List<String> unknown = schema.dropUnknown(kind, body);
        return this == WARN ? unknown.stream().map(FieldValidation::warning).toList() : List.of();
    }

    /** The warning the server sends for a field it dropped. */
    public static String warning(String path) {
        return "unknown field \"" + path + "\"";
    }
}
