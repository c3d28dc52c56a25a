package kubetutor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.session.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The deployment controller's figures: a 10,000-replica Deployment on 100 nodes (25% surge, 25%
 * unavailable, the defaults) is rolled from nginx:1.26 to nginx:1.27 to the end: every replica
 * updated and available, no old pod left. Targets: under 10 s of wall time, heap under 1 GiB.
 * Reaching the first 10,000 available replicas is set-up, reported but not the figure.
 */
final class DeploymentRollout {
    private static final int REPLICAS = 10_000;

    private DeploymentRollout() {}

    public static void main(String[] args) throws Exception {
        Session session = Measure.hundredWorkers();
        ObjectNode d = Meta.JSON.objectNode();
        d.put("apiVersion", "apps/v1");
        d.put("kind", "Deployment");
        d.putObject("metadata").put("name", "web").put("namespace", "default");
        ObjectNode spec = d.putObject("spec");
        spec.put("replicas", REPLICAS);
        spec.putObject("selector").putObject("matchLabels").put("app", "web");
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app", "web");
        template.putObject("spec").putArray("containers").addObject().put("name", "nginx").put("image", "nginx:1.26");

        Measure.Span setUpSpan = Measure.Span.start();
        Instant setUpStart = session.now();
        session.cluster().api().create(ResourceTypes.DEPLOYMENT, d);
        runUntil(session, () -> complete(session));
        double setUpSim = Duration.between(setUpStart, session.now()).toMillis() / 1000.0;
        double setUp = setUpSpan.wall();

        Measure.Span span = Measure.Span.start();
        Instant simStart = session.now();
        ObjectNode next = session.cluster().store().get(ResourceTypes.DEPLOYMENT, "default", "web").deepCopy();
        ((ObjectNode) next.at("/spec/template/spec/containers/0")).put("image", "nginx:1.27");
        session.cluster().api().update(ResourceTypes.DEPLOYMENT, next);
        runUntil(session, () -> complete(session));
        double rolledSim = Duration.between(simStart, session.now()).toMillis() / 1000.0;
        double rolled = span.wall();
        runUntil(session, () -> session.cluster().store().list(ResourceTypes.POD, "default").size() == REPLICAS);
        double goneSim = Duration.between(simStart, session.now()).toMillis() / 1000.0;
        double gone = span.wall();
        double cpu = span.cpu();
        double gc = span.gc();
        long allocated = span.allocatedMiB();

        System.out.printf("set-up, 10,000 replicas available:   %.3f s wall for %.0f simulated s%n", setUp, setUpSim);
        System.out.printf("rolling update, rollout complete:    %.3f s wall for %.0f simulated s (%.1f simulated s per wall s)%n",
                rolled, rolledSim, rolledSim / rolled);
        System.out.printf("rolling update, last old pod gone:   %.3f s wall (%.3f s CPU, %.3f s in GC, %d MiB allocated) for"
                + " %.0f simulated s (%.1f simulated s per wall s)%n", gone, cpu, gc, allocated, goneSim, goneSim / gone);
        System.out.printf("heap after GC, cluster alive:        %d MiB (%d events)%n", Measure.heapMiB(session),
                session.cluster().store().count(ResourceTypes.EVENT));
    }

    /** What kubectl rollout status waits for: the spec observed, every replica updated and available, no old one. */
    private static boolean complete(Session session) {
        JsonNode d = session.cluster().store().get(ResourceTypes.DEPLOYMENT, "default", "web");
        JsonNode s = d.path("status");
        return s.path("observedGeneration").asLong() >= d.at("/metadata/generation").asLong()
                && s.path("updatedReplicas").asInt() == REPLICAS && s.path("replicas").asInt() == REPLICAS
                && s.path("availableReplicas").asInt() == REPLICAS;
    }

    private static void runUntil(Session session, BooleanSupplier done) {
        Instant start = session.now();
        while (!done.getAsBoolean()) {
            session.advance(Duration.ofSeconds(1));
            if (Duration.between(start, session.now()).toHours() > 1) {
                throw new IllegalStateException("not done after a simulated hour");
            }
        }
    }
}
