package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A store holding objects exactly as written (as the API server and the controllers would have left
 * them, status included), with no controller to change them: describe reads only what is put here.
 */
final class Store {
    static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final ApiStore store = new ApiStore();
    private int events;

    /** Puts an object (namespace "default" unless it names one). */
    ObjectNode put(ResourceType type, String yaml) {
        try {
            ObjectNode obj = (ObjectNode) YAML.readTree(yaml);
            ObjectNode meta = obj.with("metadata");
            if (type.namespaced() && !meta.has("namespace")) {
                meta.put("namespace", "default");
            }
            store.insert(type, obj);
            return obj;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event about {@code about} from {@code component}, first and last seen {@code secondsAgo}. */
    void event(ObjectNode about, String reason, String message, String component, int secondsAgo) {
        String at = NOW.minusSeconds(secondsAgo).toString();
        put(ResourceTypes.EVENT, """
                metadata: {name: %s.%x, namespace: %s}
                involvedObject: {kind: %s, name: %s, namespace: %s, uid: %s}
                reason: %s
                message: "%s"
                source: {component: %s}
                firstTimestamp: "%s"
                lastTimestamp: "%s"
                count: 1
                type: Normal
                """.formatted(about.at("/metadata/name").asText(), ++events, about.at("/metadata/namespace").asText(),
                about.path("kind").asText(), about.at("/metadata/name").asText(), about.at("/metadata/namespace").asText(),
                about.at("/metadata/uid").asText(), reason, message, component, at, at));
    }

    String describe(ResourceType type, ObjectNode obj) {
        return Describers.forType(type).orElseThrow().describe(obj, new DescribeContext(store, NOW, true));
    }
}
