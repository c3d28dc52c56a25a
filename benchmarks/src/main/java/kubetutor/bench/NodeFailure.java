package kubetutor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A node switched off under 5,000 pods: 25 ReplicationControllers and 25 ReplicaSets of 100 pods
 * each on 100 workers, all Running; then the worker holding the most of them is stopped (`node
 * stop`), until every one of the 5,000 replicas is Running and Ready on the other nodes again (the
 * node NotReady after 50s, its pods evicted five minutes later, replacements scheduled elsewhere).
 * Then ten simulated hours of a quiet cluster: 100 kubelets' heartbeats and the node monitor.
 * Targets: each phase under 5 s of wall time, heap under 1 GiB. Run: {@code benchmarks/run nodefailure}.
 * <p>
 * Each controller has a namespace of its own: the ReplicaSet controller reads every pod of its
 * namespace at each sync, and fifty of them sharing one namespace of 5,000 pods take seconds just
 * to start (a figure for that controller, not for node failure).
 */
final class NodeFailure {
    private static final int CONTROLLERS = 50;
    private static final int REPLICAS = 100;
    private static final int PODS = CONTROLLERS * REPLICAS;

    private NodeFailure() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("kubetutor-bench");
        Path clusterFile = dir.resolve("cluster.yaml");
        Files.writeString(clusterFile, """
                nodes:
                  - name: master
                    role: control-plane
                  - name: worker
                    count: 100
                    cpu: 8
                    memory: 32Gi
                """);
        Measure.Span bootSpan = Measure.Span.start();
        Session session = new Session(new SessionOptions(1, clusterFile, dir));
        double boot = bootSpan.wall();

        Measure.Span runSpan = Measure.Span.start();
        Instant simStart = session.now();
        for (int i = 0; i < CONTROLLERS; i++) {
            boolean rc = i % 2 == 0;
            session.execute("kubectl create namespace team-" + i, o -> { }, Pacer.IMMEDIATE);
            session.cluster().api().create(rc ? ResourceTypes.REPLICATION_CONTROLLER : ResourceTypes.REPLICA_SET,
                    controller(rc, "team-" + i, "app-" + i));
        }
        advanceUntil(session, Duration.ofSeconds(1), s -> count(s, p -> phase(p).equals("Running")) == PODS);
        double toRunning = runSpan.wall();
        double runningSim = seconds(simStart, session.now());

        String victim = busiestWorker(session);
        int onVictim = (int) count(session, p -> victim.equals(p.path("spec").path("nodeName").asText()));
        Measure.Span failSpan = Measure.Span.start();
        Instant stopped = session.now();
        session.execute("node stop " + victim, o -> { }, Pacer.IMMEDIATE);
        advanceUntil(session, Duration.ofSeconds(5), s -> count(s, p -> !Meta.isTerminating(p)
                && !victim.equals(p.path("spec").path("nodeName").asText()) && ready(p)) == PODS);
        double failure = failSpan.wall();
        double failureCpu = failSpan.cpu();
        long failureAllocated = failSpan.allocatedMiB();
        double failureSim = seconds(stopped, session.now());
        long terminating = count(session, Meta::isTerminating);

        StringBuilder nodes = new StringBuilder();
        session.execute("kubectl get node " + victim, o -> nodes.append(PlainText.render(o)), Pacer.IMMEDIATE);

        Measure.Span idleSpan = Measure.Span.start();
        session.advance(Duration.ofHours(10));
        double idle = idleSpan.wall();
        double idleCpu = idleSpan.cpu();

        System.out.printf("cluster bootstrap (101 nodes):            %.3f s%n", boot);
        System.out.printf("%,d pods of %d controllers Running:      %.3f s wall for %.0f simulated s%n", PODS, CONTROLLERS,
                toRunning, runningSim);
        System.out.printf("%s stopped (%d pods) until all %,d replicas ready elsewhere:%n", victim, onVictim, PODS);
        System.out.printf("                                          %.3f s wall (%.3f s CPU, %d MiB allocated) for %.0f"
                + " simulated s (%.0f simulated s per wall s); %d pods left Terminating%n", failure, failureCpu,
                failureAllocated, failureSim, failureSim / failure, terminating);
        System.out.print(nodes);
        System.out.printf("10 simulated hours, quiet:                %.3f s wall (%.3f s CPU; %.0f simulated s per wall s)%n",
                idle, idleCpu, 36000 / idle);
        System.out.printf("heap after GC, cluster alive:             %d MiB (%d pods, %d events, %d leases)%n",
                Measure.heapMiB(session), session.cluster().store().count(ResourceTypes.POD),
                session.cluster().store().count(ResourceTypes.EVENT), session.cluster().store().count(ResourceTypes.LEASE));
    }

    private static ObjectNode controller(boolean rc, String namespace, String name) {
        ResourceType type = rc ? ResourceTypes.REPLICATION_CONTROLLER : ResourceTypes.REPLICA_SET;
        ObjectNode obj = Meta.JSON.objectNode();
        obj.put("apiVersion", type.apiVersion());
        obj.put("kind", type.kind());
        obj.putObject("metadata").put("name", name).put("namespace", namespace);
        ObjectNode spec = obj.putObject("spec");
        spec.put("replicas", REPLICAS);
        if (rc) {
            spec.putObject("selector").put("app", name);
        } else {
            spec.putObject("selector").putObject("matchLabels").put("app", name);
        }
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app", name);
        template.putObject("spec").putArray("containers").addObject().put("name", "http-go").put("image", "gasbugs/http-go");
        return obj;
    }

    /** The worker running the most pods (the first of them by name). */
    private static String busiestWorker(Session session) {
        Map<String, Integer> perNode = new HashMap<>();
        for (JsonNode p : workload(session)) {
            perNode.merge(p.path("spec").path("nodeName").asText(), 1, Integer::sum);
        }
        return perNode.entrySet().stream().filter(e -> e.getKey().startsWith("worker"))
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        java.util.Comparator.reverseOrder()))).map(Map.Entry::getKey).orElseThrow();
    }

    private static void advanceUntil(Session session, Duration step, Predicate<Session> done) {
        Instant limit = session.now().plus(Duration.ofHours(1));
        while (!done.test(session)) {
            if (session.now().isAfter(limit)) {
                throw new IllegalStateException("not done after a simulated hour");
            }
            session.advance(step);
        }
    }

    private static long count(Session session, Predicate<JsonNode> which) {
        return workload(session).stream().filter(which).count();
    }

    /** The controllers' pods (in every namespace but kube-system). */
    private static java.util.List<ObjectNode> workload(Session session) {
        return session.cluster().store().list(ResourceTypes.POD, null).stream()
                .filter(p -> !Meta.namespace(p).equals("kube-system")).toList();
    }

    private static String phase(JsonNode pod) {
        return pod.path("status").path("phase").asText("");
    }

    private static boolean ready(JsonNode pod) {
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                return Objects.equals(c.path("status").asText(), "True");
            }
        }
        return false;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
