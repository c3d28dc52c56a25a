package kubetutor.engine.controller.daemonset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How many old daemon pods a rolling update may take down at a time, and which. */
class RollingUpdateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    @ParameterizedTest(name = "{0} of {1} nodes")
    @CsvSource(textBlock = """
            '', 10, 1
            '2', 10, 2
            '25%', 10, 3
            '10%', 3, 1
            '0', 10, 1
            """)
    void maxUnavailable(String value, int desired, int expected) throws Exception {
        JsonNode v = value.isEmpty() ? JSON.missingNode() : value.endsWith("%") ? JSON.getNodeFactory().textNode(value)
                : JSON.getNodeFactory().numberNode(Integer.parseInt(value));
        assertEquals(expected, RollingUpdate.maxUnavailable(v, desired));
    }

    @Test
    void oneAvailableOldPodAtATimeButEveryUnavailableOne() throws Exception {
        JsonNode ds = JSON.readTree("{\"spec\":{\"template\":{\"spec\":{}}}}");
        Map<String, List<JsonNode>> byNode = new LinkedHashMap<>();
        byNode.put("w1", List.of(pod("a", "old", true)));
        byNode.put("w2", List.of(pod("b", "old", true)));
        byNode.put("w3", List.of(pod("c", "old", false)));
        byNode.put("w4", List.of(pod("d", "new", true)));
        List<ObjectNode> nodes = List.of(node("w1"), node("w2"), node("w3"), node("w4"));
        List<JsonNode> doomed = RollingUpdate.podsToDelete(ds, nodes, new NodeEligibility(ds), byNode, "new", NOW);
        assertEquals(List.of("c", "a"), doomed.stream().map(p -> p.path("metadata").path("name").asText()).toList());
        // A new pod not available yet uses up the one unavailable node allowed: only the broken old one goes.
        byNode.put("w4", List.of(pod("d", "new", false)));
        doomed = RollingUpdate.podsToDelete(ds, nodes, new NodeEligibility(ds), byNode, "new", NOW);
        assertEquals(List.of("c"), doomed.stream().map(p -> p.path("metadata").path("name").asText()).toList());
    }

    private static ObjectNode node(String name) throws Exception {
        return (ObjectNode) JSON.readTree("{\"metadata\":{\"name\":\"" + name + "\"}}");
    }

    private static JsonNode pod(String name, String hash, boolean ready) throws Exception {
        return JSON.readTree("""
                {"metadata":{"name":"%s","labels":{"controller-revision-hash":"%s"}},
                 "status":{"conditions":[{"type":"Ready","status":"%s","lastTransitionTime":"2026-01-05T08:00:00Z"}]}}"""
                .formatted(name, hash, ready ? "True" : "False"));
    }
}
