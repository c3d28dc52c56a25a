package kubetutor.engine.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One chunk of a list ({@code limit} and {@code continue}: kubectl get asks for 500 at a time). The
 * token holds where the next chunk starts; unlike etcd's, the chunks are read from the store as it
 * is when each is asked for, not as it was at the first.
 */
record Page<T>(List<T> items, String next, long remaining) {

    static <T> Page<T> of(List<T> all, String limitParam, String token, String resourceVersion) {
        int from = 0;
        if (token != null && !token.isEmpty()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
                from = Integer.parseInt(parts[1]);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new ApiException(ApiException.Reason.BadRequest, "continue key is not valid: " + e.getMessage());
            }
        }
        long limit;
        try {
            limit = limitParam == null || limitParam.isEmpty() ? 0 : Long.parseLong(limitParam);
        } catch (NumberFormatException e) {
            throw new ApiException(ApiException.Reason.BadRequest, "invalid limit: " + limitParam);
        }
        from = Math.min(Math.max(from, 0), all.size());
        if (limit <= 0 || all.size() - from <= limit) {
            return new Page<>(all.subList(from, all.size()), null, 0);
        }
        int to = from + (int) limit;
        String next = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((resourceVersion + ":" + to).getBytes(StandardCharsets.UTF_8));
        return new Page<>(all.subList(from, to), next, all.size() - to);
    }

    /** Puts continue and remainingItemCount into a list's metadata when more chunks follow. */
    void describe(ObjectNode metadata) {
        if (next != null) {
            metadata.put("continue", next);
            metadata.put("remainingItemCount", remaining);
        }
    }
}
