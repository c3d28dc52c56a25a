package kubetutor.engine.rest;

/** What the API answers: a status code and a body (JSON unless {@code contentType} says otherwise). */
public record RestResponse(int code, String contentType, String body) {
    public static final String JSON = "application/json";

    public static RestResponse json(int code, String body) {
        return new RestResponse(code, JSON, body);
    }

    /** A metav1.Status failure ({@code reason} null for the API server's own errors, which carry none). */
    public static RestResponse failure(int code, String reason, String message) {
        return json(code, StatusBodies.failure(code, reason, message).toString());
    }

    /** The Status of an API error, with its code. */
    public static RestResponse of(kubetutor.engine.api.ApiException e) {
        return json(e.reason().code, StatusBodies.failure(e).toString());
    }

    public static RestResponse text(int code, String body) {
        return new RestResponse(code, "text/plain", body);
    }
}
