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
    private static final String PATCH_INVALID = "The request is invalid: patch: ";

    private StatusBodies() {}

    static ObjectNode failure(ApiException e) {
        ObjectNode s = base("Failure");
        ApiException.Reason reason = e.reason();
        String message = e.getMessage();
        ObjectNode details = Meta.JSON.objectNode();
        if (reason == ApiException.Reason.Invalid && message.startsWith(PATCH_INVALID)) {
            // errors.NewInvalid with neither kind nor name (the patch handler's): kubectl rebuilds
            // "The request is invalid: patch: ..." from the cause, so the message does not repeat it
            String cause = message.substring(PATCH_INVALID.length() - "patch: ".length());
            ObjectNode c = details.putArray("causes").addObject();
            c.put("reason", "FieldValueInvalid");
            c.put("message", cause.substring("patch: ".length()));
            c.put("field", "patch");
            message = " \"\" is invalid: " + cause;
        } else if (reason == ApiException.Reason.Invalid && message.startsWith("The ") && message.contains(INVALID)) {
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
        s.put("message", message);
        if (reason != ApiException.Reason.Unknown) {
            s.put("reason", reason.name());
        }
        if (!details.isEmpty()) {
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

    private static List<String> causes(String rest) {
        return rest.startsWith("\n* ") ? List.of(rest.substring(3).split("\n\\* ")) : List.of(rest);
    }
}
