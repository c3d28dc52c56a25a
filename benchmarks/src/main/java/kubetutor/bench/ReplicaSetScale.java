package kubetutor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.session.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The ReplicaSet controller's figures: one ReplicaSet on 100 nodes scaled 0 → 10,000 until every
 * replica is available, then 10,000 → 0 until every pod is gone. Targets: each under 5 s of wall
 * time, heap under 1 GiB.
 */
final class ReplicaSetScale {
    private ReplicaSetScale() {}

    public static void main(String[] args) throws Exception {
        Session session = Measure.hundredWorkers();
        ObjectNode rs = Meta.JSON.objectNode();
        rs.put("apiVersion", "apps/v1");
        rs.put("kind", "ReplicaSet");
        rs.putObject("metadata").put("name", "web").put("namespace", "default");
        ObjectNode spec = rs.putObject("spec");
        spec.put("replicas", 0);
        spec.putObject("selector").putObject("matchLabels").put("app", "web");
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app", "web");
        template.putObject("spec").putArray("containers").addObject().put("name", "nginx").put("image", "nginx:1.27");
        session.cluster().api().create(ResourceTypes.REPLICA_SET, rs);
        session.advance(Duration.ofSeconds(1));

        Phase up = phase(session, 10_000, s -> s.path("availableReplicas").asInt() == 10_000);
        Phase down = phase(session, 0, s -> session.cluster().store().list(ResourceTypes.POD, "default").isEmpty());

        System.out.printf("scale 0 -> 10,000, all available:   %.3f s wall (%.3f s CPU) for %.0f simulated s"
                + " (%.1f simulated s per wall s)%n", up.wall, up.cpu, up.simSeconds, up.simSeconds / up.wall);
        System.out.printf("scale 10,000 -> 0, all pods gone:   %.3f s wall (%.3f s CPU) for %.0f simulated s"
                + " (%.1f simulated s per wall s)%n", down.wall, down.cpu, down.simSeconds, down.simSeconds / down.wall);
        System.out.printf("heap after GC, cluster alive:       %d MiB (%d events)%n", Measure.heapMiB(session),
                session.cluster().store().count(ResourceTypes.EVENT));
    }

    private record Phase(double wall, double cpu, double simSeconds) {}

    private static Phase phase(Session session, int replicas, Predicate<JsonNode> done) {
        Measure.Span span = Measure.Span.start();
        Instant simStart = session.now();
        session.cluster().api().scale(ResourceTypes.REPLICA_SET, "default", "web", replicas, null, false);
        while (!done.test(session.cluster().store().get(ResourceTypes.REPLICA_SET, "default", "web").path("status"))) {
            session.advance(Duration.ofSeconds(1));
            if (Duration.between(simStart, session.now()).toHours() > 1) {
                throw new IllegalStateException("not done after a simulated hour");
            }
        }
        return new Phase(span.wall(), span.cpu(), Duration.between(simStart, session.now()).toMillis() / 1000.0);
    }
}
