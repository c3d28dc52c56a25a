package kubetutor.engine.controller.replicaset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The surplus ranking, one rule at a time: each pair differs in one property, the first named goes first. */
class DeletionRankTest {
    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    /** A ready, running pod on worker1, created and ready an hour ago. */
    private static Pod pod(String name) {
        return new Pod(name);
    }

    private static final class Pod {
        final ObjectNode node = Meta.JSON.objectNode();

        Pod(String name) {
            ObjectNode meta = node.putObject("metadata");
            meta.put("name", name).put("uid", name).put("creationTimestamp", "2026-01-05T09:00:00Z");
            node.putObject("spec").put("nodeName", "worker1");
            ObjectNode status = node.putObject("status").put("phase", "Running");
            status.putArray("conditions").addObject().put("type", "Ready").put("status", "True")
                    .put("lastTransitionTime", "2026-01-05T09:00:00Z");
            status.putArray("containerStatuses").addObject().put("restartCount", 0);
        }

        Pod unscheduled() {
            ((ObjectNode) node.get("spec")).remove("nodeName");
            return pending();
        }

        Pod pending() {
            ((ObjectNode) node.get("status")).put("phase", "Pending");
            return notReady();
        }

        Pod notReady() {
            ((ObjectNode) node.path("status").path("conditions").get(0)).put("status", "False");
            return this;
        }

        Pod on(String nodeName) {
            ((ObjectNode) node.get("spec")).put("nodeName", nodeName);
            return this;
        }

        Pod cost(int c) {
            Meta.metadata(node).putObject("annotations").put("controller.kubernetes.io/pod-deletion-cost", Integer.toString(c));
            return this;
        }

        Pod readyAt(String time) {
            ((ObjectNode) node.path("status").path("conditions").get(0)).put("lastTransitionTime", time);
            return this;
        }

        Pod restarts(int n) {
            ((ObjectNode) node.path("status").path("containerStatuses").get(0)).put("restartCount", n);
            return this;
        }

        Pod createdAt(String time) {
            Meta.metadata(node).put("creationTimestamp", time);
            return this;
        }
    }

    private static String first(Pod... pods) {
        List<JsonNode> list = java.util.Arrays.stream(pods).map(p -> (JsonNode) p.node).toList();
        return Meta.name(DeletionRank.pick(list, 1, NOW).get(0));
    }

    @Test
    void unscheduledBeforeScheduled() {
        assertEquals("a", first(pod("b").pending(), pod("a").unscheduled()));
    }

    @Test
    void pendingBeforeRunning() {
        assertEquals("a", first(pod("b"), pod("a").pending()));
    }

    @Test
    void notReadyBeforeReady() {
        assertEquals("a", first(pod("b"), pod("a").notReady()));
    }

    @Test
    void lowerDeletionCostFirst() {
        assertEquals("a", first(pod("b").cost(10), pod("a").cost(-5)));
    }

    @Test
    void moreSiblingsOnTheSameNodeFirst() {
        // a alone on worker2 would win on its uid; b and c share worker1.
        assertEquals("c", first(pod("a").on("worker2"), pod("c"), pod("b").createdAt("2026-01-05T08:00:00Z")));
    }

    @Test
    void readyMoreRecentlyFirstInPowersOfTwoOfAge() {
        // 10 minutes and 60 minutes of readiness are in different powers of two.
        assertEquals("a", first(pod("b").readyAt("2026-01-05T09:00:00Z"), pod("a").readyAt("2026-01-05T09:50:00Z")));
        // 59 and 60 minutes are in the same one: the uid decides.
        assertEquals("a", first(pod("b").readyAt("2026-01-05T09:01:00Z"), pod("a").readyAt("2026-01-05T09:00:00Z")));
    }

    @Test
    void moreRestartsFirst() {
        assertEquals("a", first(pod("b").restarts(1), pod("a").restarts(4)));
    }

    @Test
    void createdMoreRecentlyFirst() {
        assertEquals("a", first(pod("b"), pod("a").createdAt("2026-01-05T09:55:00Z")));
    }

    @Test
    void allOfThemWhenEveryPodGoes() {
        assertEquals(2, DeletionRank.pick(List.of(pod("a").node, pod("b").node), 5, NOW).size());
    }
}
