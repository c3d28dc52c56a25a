package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.ResourceType;

import java.time.Instant;
import java.util.List;

/**
 * What a describer may read besides its object: the store (read only), the time "now", and
 * whether to end with the Events section ({@code --show-events}).
 */
public record DescribeContext(ApiStore store, Instant now, boolean showEvents) {
    public List<? extends JsonNode> list(ResourceType type, String namespace) {
        return store.list(type, namespace);
    }
}
