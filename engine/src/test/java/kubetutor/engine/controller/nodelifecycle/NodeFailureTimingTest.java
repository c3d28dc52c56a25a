package kubetutor.engine.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.cluster.ClusterSpec;
import kubetutor.engine.container.SimRuntime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline of a node switched off, against 1.32's defaults: Unknown 50s after the monitor
 * pass that saw its last heartbeat, the unreachable NoSchedule taint at once, the NoExecute one a
 * monitor period later, pods evicted their tolerationSeconds after that, daemon pods never; and
 * the tainting rate limit when several nodes go at once.
 */
class NodeFailureTimingTest {

    @Test
    void aStoppedNodeGoesUnknownThenTaintedThenItsPodsAreEvicted() {
        Cluster cluster = Cluster.defaultLab(1);
        cluster.api().create(ResourceTypes.POD, pod("web", "worker2", null));
        cluster.api().create(ResourceTypes.POD, pod("quick", "worker2", 60L));
        cluster.sim().advance(Duration.ofSeconds(30));
        Instant stop = cluster.sim().now();
        Instant lastRenew = Meta.parseTime(cluster.store().get(ResourceTypes.LEASE, "kube-node-lease", "worker2")
                .path("spec").get("renewTime"));
        cluster.kubelets().get("worker2").machine().powerOff();

        Instant unknown = until(cluster, c -> "Unknown".equals(ready(c)));
        assertTrue(unknown.isAfter(stop.plusSeconds(40)) && !unknown.isAfter(stop.plusSeconds(60)), "Unknown at " + unknown);
        long sinceRenew = Duration.between(lastRenew, unknown).toMillis();
        assertTrue(sinceRenew > 50_000 && sinceRenew <= 60_000, "Unknown " + sinceRenew + "ms after the last renewal");
        assertEquals(Meta.timestamp(unknown), taintAdded(cluster, "NoSchedule"));

        Instant noExecute = until(cluster, c -> taintAdded(c, "NoExecute") != null);
        assertEquals(Meta.timestamp(unknown.plusSeconds(5)), taintAdded(cluster, "NoExecute"));
        // The pass every 100ms that adds it runs just after the monitor pass that queued it.
        assertEquals(Duration.ofMillis(5100), Duration.between(unknown, noExecute));

        Instant quickGone = until(cluster, c -> Meta.isTerminating(pod(c, "quick")));
        assertEquals(noExecute.plusSeconds(60), quickGone);
        Instant webGone = until(cluster, c -> Meta.isTerminating(pod(c, "web")));
        assertEquals(noExecute.plusSeconds(300), webGone);
        // Deleted with its grace period, by nobody who can finish it: it stays.
        cluster.sim().advance(Duration.ofMinutes(10));
        assertTrue(Meta.isTerminating(pod(cluster, "web")));
        for (ObjectNode p : cluster.store().list(ResourceTypes.POD, "kube-system")) {
            assertFalse(Meta.isTerminating(p), Meta.name(p) + " tolerates the node's taints for ever");
        }
    }

    @Test
    void nodesThatFailTogetherAreTaintedTenSecondsApart() throws Exception {
        Cluster cluster = cluster(4);
        cluster.kubelets().get("worker1").machine().powerOff();
        cluster.kubelets().get("worker2").machine().powerOff();
        until(cluster, c -> noExecute(c, "worker1") != null && noExecute(c, "worker2") != null);
        Instant first = Meta.parseTime(Meta.JSON.textNode(noExecute(cluster, "worker1")));
        Instant second = Meta.parseTime(Meta.JSON.textNode(noExecute(cluster, "worker2")));
        assertEquals(Duration.ofSeconds(10), Duration.between(first, second).abs());
    }

    @Test
    void aZoneMostlyDownIsNotTaintedForEviction() throws Exception {
        Cluster cluster = cluster(4);
        for (String w : new String[] {"worker1", "worker2", "worker3"}) {
            cluster.kubelets().get(w).machine().powerOff();
        }
        cluster.sim().advance(Duration.ofMinutes(10));
        for (String w : new String[] {"worker1", "worker2", "worker3"}) {
            assertEquals("Unknown", ready(cluster.store().get(ResourceTypes.NODE, "", w)));
            assertNull(noExecute(cluster, w), w + ": 3 of 5 nodes down in a small zone: no evictions");
        }
    }

    private static Cluster cluster(int workers) throws Exception {
        return new Cluster(1, ClusterSpec.parse("""
                nodes:
                  - name: master
                    role: control-plane
                  - name: worker
                    count: %d
                """.formatted(workers)), SimRuntime::new);
    }

    private static ObjectNode pod(String name, String node, Long unreachableSeconds) {
        ObjectNode pod = Meta.JSON.objectNode();
        pod.put("apiVersion", "v1");
        pod.put("kind", "Pod");
        pod.putObject("metadata").put("name", name).put("namespace", "default");
        ObjectNode spec = pod.putObject("spec");
        spec.put("nodeName", node);
        spec.putArray("containers").addObject().put("name", "web").put("image", "nginx");
        if (unreachableSeconds != null) {
            spec.putArray("tolerations").addObject().put("key", "node.kubernetes.io/unreachable").put("operator", "Exists")
                    .put("effect", "NoExecute").put("tolerationSeconds", unreachableSeconds);
        }
        return pod;
    }

    private static JsonNode pod(Cluster c, String name) {
        return c.store().get(ResourceTypes.POD, "default", name);
    }

    private static String ready(Cluster c) {
        return ready(c.store().get(ResourceTypes.NODE, "", "worker2"));
    }

    private static String ready(JsonNode node) {
        return NodeHealth.condition(node, "Ready").path("status").asText();
    }

    private static String taintAdded(Cluster c, String effect) {
        for (JsonNode t : c.store().get(ResourceTypes.NODE, "", "worker2").path("spec").path("taints")) {
            if (t.path("key").asText().equals("node.kubernetes.io/unreachable") && t.path("effect").asText().equals(effect)) {
                return t.path("timeAdded").asText();
            }
        }
        return null;
    }

    private static String noExecute(Cluster c, String node) {
        for (JsonNode t : c.store().get(ResourceTypes.NODE, "", node).path("spec").path("taints")) {
            if (t.path("effect").asText().equals("NoExecute")) {
                return t.path("timeAdded").asText();
            }
        }
        return null;
    }

    /** Runs the simulation event by event until {@code done} holds; returns when it first did. */
    private static Instant until(Cluster c, Predicate<Cluster> done) {
        Instant limit = c.sim().now().plus(Duration.ofHours(1));
        while (!done.test(c)) {
            Instant next = c.sim().nextEventTime();
            if (next == null || next.isAfter(limit)) {
                throw new AssertionError("never happened");
            }
            c.sim().advanceTo(next);
        }
        return c.sim().now();
    }
}
