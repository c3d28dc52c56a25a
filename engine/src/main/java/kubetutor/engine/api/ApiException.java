package kubetutor.engine.api;

/**
 * An error the simulated API server answers with. {@code message} is the Status message; kubectl
 * shows it behind {@code Error from server (Reason): } except for Invalid, which it prints as is,
 * and Unknown, which has no reason to show.
 */
public final class ApiException extends RuntimeException {
    public enum Reason {
        NotFound(404), AlreadyExists(409), Conflict(409), Invalid(422), BadRequest(400), Forbidden(403),
        MethodNotAllowed(405), RequestEntityTooLarge(413), UnsupportedMediaType(415), InternalError(500),
        /**
         * A Status without a reason (StatusReasonUnknown, code 500): the API server passing on an
         * error of its own, such as failing to reach a kubelet. kubectl says just "Error from server: ".
         */
        Unknown(500);

        public final int code;

        Reason(int code) {
            this.code = code;
        }
    }

    private final Reason reason;

    public ApiException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static ApiException notFound(ResourceType type, String name) {
        return new ApiException(Reason.NotFound, type.qualifiedPlural() + " \"" + name + "\" not found");
    }

    public static ApiException alreadyExists(ResourceType type, String name) {
        return new ApiException(Reason.AlreadyExists, type.qualifiedPlural() + " \"" + name + "\" already exists");
    }

    /** How kubectl prints this error ("Error from server (NotFound): pods \"x\" not found"). */
    public String kubectlMessage() {
        if (reason == Reason.Invalid) {
            return getMessage();
        }
        if (reason == Reason.Unknown) {
            return "Error from server: " + getMessage();
        }
        return "Error from server (" + reason + "): " + getMessage();
    }
}
