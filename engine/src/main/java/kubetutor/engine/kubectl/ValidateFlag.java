package kubetutor.engine.kubectl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.schema.FieldValidation;
import kubetutor.engine.api.schema.SchemaAdmission;
import kubetutor.engine.command.UsageException;

/**
 * --validate of create, replace and apply: kubectl 1.32 leaves field validation to the server and
 * sends the flag as the request's fieldValidation, so an unknown field is the server's strict
 * decoding error (strict, the default), a warning the server sends back (warn), or nothing (ignore).
 */
public final class ValidateFlag {
    private ValidateFlag() {}

    /** The directive the flag asks for; kubectl refuses a value it does not know before anything else. */
    public static FieldValidation of(Invocation inv) {
        String value = inv.args().get("validate", "strict");
        FieldValidation v = FieldValidation.ofFlag(value);
        if (v == null) {
            throw new UsageException(FieldValidation.flagError(value));
        }
        return v;
    }

    /**
     * What the server does with the body's unknown fields under the directive, its warnings printed
     * as kubectl prints them. Returns whether fields were dropped: kubectl's patch then still carried
     * them, so apply reports the object configured even when nothing else changed.
     */
    public static boolean beforeWrite(Invocation inv, FieldValidation v, ResourceType type, ObjectNode body) {
        boolean unknown = v != FieldValidation.STRICT && !SchemaAdmission.schema().unknownFields(type, body).isEmpty();
        v.beforeDecoding(SchemaAdmission.schema(), type, body).forEach(w -> inv.warn("Warning: " + w));
        return unknown;
    }
}
