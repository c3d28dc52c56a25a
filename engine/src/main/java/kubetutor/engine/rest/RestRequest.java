package kubetutor.engine.rest;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request to the Kubernetes API, as the transport received it (no HTTP library's types):
 * what the engine needs to answer it, and all a journal needs to replay it.
 *
 * @param query       decoded query parameters, each with its values in order
 * @param contentType the request body's media type ("" when there is no body)
 * @param accept      the Accept header ("" when absent)
 */
public record RestRequest(String method, String path, Map<String, List<String>> query, String contentType,
                          String accept, String body) {
    public RestRequest {
        query = Map.copyOf(query);
        contentType = contentType == null ? "" : contentType;
        accept = accept == null ? "" : accept;
        body = body == null ? "" : body;
    }

    /** The first value of a query parameter, or null. */
    public String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A boolean parameter as Go's strconv.ParseBool reads it ("true", "True", "1", "t"...). */
    public boolean flag(String name) {
        String v = param(name);
        return v != null && switch (v) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            default -> false;
        };
    }

    /** Whether the client asked for the server-side printing of tables (kubectl get does). */
    public boolean wantsTable() {
        return accept.contains("as=Table");
    }

    /** Whether the request may change the cluster (a journal keeps only these). */
    public boolean writes() {
        return !method.equals("GET") && !method.equals("HEAD");
    }
}
