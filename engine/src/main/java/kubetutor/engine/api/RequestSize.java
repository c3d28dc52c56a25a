package kubetutor.engine.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * The API server's limit on a request body (kube-apiserver's MaxRequestBodyBytes, 3 MiB): checked
 * before anything else is done with the object, as the server reads no more than that.
 */
public final class RequestSize {
    public static final long LIMIT = 3L * 1024 * 1024;

    private RequestSize() {}

    /** ApiException 413 when {@code object}, as kubectl sends it (compact JSON), is past the limit. */
    public static void check(JsonNode object) {
        if (bytes(object) > LIMIT) {
            throw tooLarge();
        }
    }

    public static ApiException tooLarge() {
        return new ApiException(ApiException.Reason.RequestEntityTooLarge, "Request entity too large: limit is " + LIMIT);
    }

    /**
     * The length of the compact JSON in UTF-8, counted by walking the tree (no text is written: every
     * write of the cluster's own components comes through here too), and given up past the limit.
     */
    static long bytes(JsonNode node) {
        return count(node, 0);
    }

    private static long count(JsonNode node, long sofar) {
        if (sofar > LIMIT) {
            return sofar;
        }
        if (node.isObject()) {
            long n = sofar + 2 + Math.max(0, node.size() - 1);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext() && n <= LIMIT; ) {
                Map.Entry<String, JsonNode> e = it.next();
                n = count(e.getValue(), n + string(e.getKey()) + 1);
            }
            return n;
        }
        if (node.isArray()) {
            long n = sofar + 2 + Math.max(0, node.size() - 1);
            for (int i = 0; i < node.size() && n <= LIMIT; i++) {
                n = count(node.get(i), n);
            }
            return n;
        }
        return sofar + (node.isTextual() ? string(node.textValue()) : node.asText().length());
    }

    /** A JSON string's bytes: quotes, UTF-8, and the escapes of quotes, backslashes and control characters. */
    private static long string(String s) {
        long n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
