package kubetutor.engine.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** tryUpdateNodeHealth's decisions, pass by pass, on a node whose heartbeats stop. */
class NodeHealthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private static ObjectNode node(String heartbeat) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"metadata":{"name":"worker2","creationTimestamp":"2026-01-03T09:00:00Z"},"status":{"conditions":[
                 {"lastHeartbeatTime":"%s","lastTransitionTime":"2026-01-03T09:00:00Z","status":"False","type":"MemoryPressure"},
                 {"lastHeartbeatTime":"%s","lastTransitionTime":"2026-01-03T09:00:30Z","status":"True","type":"Ready"}]}}"""
                .formatted(heartbeat, heartbeat));
    }

    private static JsonNode lease(Instant renewed) throws Exception {
        return JSON.readTree("{\"spec\":{\"renewTime\":\"" + Meta.microTimestamp(renewed) + "\"}}");
    }

    @Test
    void leaseRenewalsKeepANodeAliveThoughItsStatusIsOld() throws Exception {
        ObjectNode node = node("2026-01-05T08:55:00Z");
        NodeHealth.Look look = NodeHealth.look(null, node, lease(T0), T0);
        for (int s = 5; s <= 300; s += 5) {
            look = NodeHealth.look(look.health(), node, lease(T0.plusSeconds(s - s % 10)), T0.plusSeconds(s));
            assertNull(look.statusToWrite(), "at +" + s + "s");
            assertEquals("True", look.current());
        }
    }

    @Test
    void theGraceCountsFromThePassThatSawTheLastHeartbeat() throws Exception {
        ObjectNode node = node("2026-01-05T08:59:00Z");
        JsonNode last = lease(T0.minusSeconds(3));
        // The pass at T0 sees the lease renewed 3s before: the grace counts from T0, not from the renewal.
        NodeHealth.Look look = NodeHealth.look(null, node, lease(T0.minusSeconds(13)), T0.minusSeconds(5));
        look = NodeHealth.look(look.health(), node, last, T0);
        for (int s = 5; s <= 50; s += 5) {
            look = NodeHealth.look(look.health(), node, last, T0.plusSeconds(s));
            assertNull(look.statusToWrite(), "at +" + s + "s: not yet past the grace period");
        }
        look = NodeHealth.look(look.health(), node, last, T0.plusSeconds(55));
        assertEquals("True", look.observed());
        assertEquals("Unknown", look.current());
        ObjectNode status = look.statusToWrite();
        assertNotNull(status);
        for (String type : new String[] {"MemoryPressure", "Ready"}) {
            JsonNode c = NodeHealth.condition(status, type);
            assertEquals("Unknown", c.path("status").asText());
            assertEquals("NodeStatusUnknown", c.path("reason").asText());
            assertEquals("Kubelet stopped posting node status.", c.path("message").asText());
            assertEquals("2026-01-05T09:00:55Z", c.path("lastTransitionTime").asText());
            assertEquals("2026-01-05T08:59:00Z", c.path("lastHeartbeatTime").asText());
        }
        // Conditions the kubelet never posted are added, as never updated.
        assertEquals("NodeStatusNeverUpdated", NodeHealth.condition(status, "DiskPressure").path("reason").asText());
        // The next pass finds the Unknown it wrote: nothing more to write, and it now observes Unknown.
        node.set("status", status);
        look = NodeHealth.look(look.health(), node, last, T0.plusSeconds(60));
        assertNull(look.statusToWrite());
        assertEquals("Unknown", look.observed());
    }

    @Test
    void aNodeThatNeverPostedGetsTheStartupGraceFromItsCreation() throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree("{\"metadata\":{\"name\":\"w\",\"creationTimestamp\":\"2026-01-05T09:00:00Z\"},\"status\":{}}");
        NodeHealth.Look look = NodeHealth.look(null, node, null, T0.plusSeconds(60));
        assertNull(look.statusToWrite());
        assertNull(look.current());
        look = NodeHealth.look(look.health(), node, null, T0.plusSeconds(65));
        JsonNode ready = NodeHealth.condition(look.statusToWrite(), "Ready");
        assertEquals("NodeStatusNeverUpdated", ready.path("reason").asText());
        assertEquals("Kubelet never posted node status.", ready.path("message").asText());
        assertEquals(4, look.statusToWrite().path("conditions").size());
    }
}
