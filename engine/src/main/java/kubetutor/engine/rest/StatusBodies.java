package kubetutor.engine.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;

import java.util.List;

/**
 * metav1.Status bodies: how the API server answers a failure (and a deletion that leaves nothing
 * to return). kubectl prints them itself, so what it shows comes from these fields: the reason and
 * message, and for Invalid the kind, name and causes it builds "The Pod "x" is invalid: ..." from.
 */
final class StatusBodies {
    private static final String INVALID = "\" is invalid: ";
    /** kubectl's own words before an Invalid failure that names no object; the server never sends them. */
    private static final String REQUEST_INVALID = "The request is invalid: ";

    private StatusBodies() {}

    static ObjectNode failure(ApiException e) {
        ObjectNode s = base("Failure");
        ApiException.Reason reason = e.reason();
        String message = e.getMessage();
        ObjectNode details = Meta.JSON.objectNode();
        if (reason == ApiException.Reason.Invalid && message.startsWith("The ") && message.contains(INVALID)) {
            String head = message.substring("The ".length(), message.indexOf(INVALID));
            int space = head.indexOf(" \"");
            String kind = space < 0 ? head : head.substring(0, space);
            String name = space < 0 ? "" : head.substring(space + 2);
            List<String> causes = causes(message.substring(message.indexOf(INVALID) + INVALID.length()));
            details.put("name", name);
            details.put("kind", kind);
            ArrayNode list = details.putArray("causes");
            for (String c : causes) {
                int colon = c.indexOf(": ");
                ObjectNode cause = list.addObject();
                cause.put("reason", "FieldValueInvalid");
                cause.put("message", colon < 0 ? c : c.substring(colon + 2));
                cause.put("field", colon < 0 ? "" : c.substring(0, colon));
            }
            message = kind + " \"" + name + INVALID + (causes.size() == 1 ? causes.get(0) : "[" + String.join(", ", causes) + "]");
        }
        if (reason == ApiException.Reason.Invalid && message.startsWith(REQUEST_INVALID)) {
            message = objectlessInvalid(message.substring(REQUEST_INVALID.length()), details);
            s.set("details", details);
        }
        s.put("message", message);
        if (reason != ApiException.Reason.Unknown) {
            s.put("reason", reason.name());
        }
        if (!details.isEmpty() && !s.has("details")) {
            s.set("details", details);
        }
        s.put("code", reason.code);
        return s;
    }

    /** A failure of the transport or the router itself, not of an object (a path nothing serves, a bad body). */
    static ObjectNode failure(int code, String reason, String message) {
        ObjectNode s = base("Failure");
        s.put("message", message);
        if (reason != null) {
            s.put("reason", reason);
        }
        s.put("code", code);
        return s;
    }

    /** What DELETE answers when the object is gone at once. */
    static ObjectNode deleted(ObjectNode gone, String group, String plural) {
        ObjectNode s = base("Success");
        ObjectNode details = s.putObject("details");
        details.put("name", Meta.name(gone));
        if (!group.isEmpty()) {
            details.put("group", group);
        }
        details.put("kind", plural);
        details.put("uid", Meta.uid(gone));
        return s;
    }

    private static ObjectNode base(String status) {
        ObjectNode s = Meta.JSON.objectNode();
        s.put("kind", "Status");
        s.put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", status);
        return s;
    }

    /**
     * An Invalid failure without kind or name: either errors.NewGenericServerResponse's 422 (a bare
     * message, empty details: kubectl adds "The request is invalid: " itself) or errors.NewInvalid
     * with an empty GroupKind (its message {@code "" is invalid: ...}, the field errors as causes,
     * which kubectl prints after the same prefix).
     */
    private static String objectlessInvalid(String rest, ObjectNode details) {
        int colon = rest.indexOf(": ");
        boolean fieldError = colon > 0 && rest.substring(colon + 2).startsWith("Invalid value: ");
        if (!fieldError) {
            return rest;
        }
        ObjectNode cause = details.putArray("causes").addObject();
        cause.put("reason", "FieldValueInvalid");
        cause.put("message", rest.substring(colon + 2));
        cause.put("field", rest.substring(0, colon));
        return "\"\"" + " is invalid: " + rest;
    }

    private static List<String> causes(String rest) {
        return rest.startsWith("\n* ") ? List.of(rest.substring(3).split("\n\\* ")) : List.of(rest);
    }
}
