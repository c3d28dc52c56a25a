package kubetutor.engine.rest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the API answers: a status code and a body (JSON unless {@code contentType} says otherwise).
 *
 * @param warnings what the server adds as Warning headers (kubectl prints each as "Warning: ...")
 * @param headers  other response headers, by name, in order (caching of the OpenAPI documents)
 */
public record RestResponse(int code, String contentType, String body, List<String> warnings,
                           Map<String, String> headers) {
    public static final String JSON = "application/json";

    public RestResponse {
        warnings = List.copyOf(warnings);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public RestResponse(int code, String contentType, String body) {
        this(code, contentType, body, List.of(), Map.of());
    }

    public RestResponse withWarnings(List<String> more) {
        return more.isEmpty() ? this : new RestResponse(code, contentType, body,
                Stream.concat(warnings.stream(), more.stream()).toList(), headers);
    }

    public RestResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new RestResponse(code, contentType, body, warnings, more);
    }

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
