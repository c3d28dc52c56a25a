package kubetutor.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.sim.Pacer;

import java.time.Duration;
import java.time.Instant;

/**
 * The foundation's figures: 10,000 pods on 100 nodes until all Running, then `kubectl get pods -A`,
 * then ten simulated minutes. Targets: all Running in under 3 s of wall time, the listing under
 * 300 ms, heap under 1 GiB.
 */
final class Foundation {
    private Foundation() {}

    public static void main(String[] args) throws Exception {
        Measure.Span bootSpan = Measure.Span.start();
        Session session = Measure.hundredWorkers();
        double boot = bootSpan.wall();

        Measure.Span runSpan = Measure.Span.start();
        Instant simStart = session.now();
        for (int i = 0; i < 10_000; i++) {
            ObjectNode pod = Meta.JSON.objectNode();
            pod.put("apiVersion", "v1");
            pod.put("kind", "Pod");
            pod.putObject("metadata").put("name", "web-" + i).put("namespace", "default")
                    .putObject("labels").put("app", "web");
            pod.putObject("spec").putArray("containers").addObject().put("name", "nginx").put("image", "nginx:1.27");
            session.cluster().api().create(ResourceTypes.POD, pod);
        }
        int running = 0;
        while (running < 10_000) {
            session.advance(Duration.ofSeconds(1));
            running = 0;
            for (ObjectNode p : session.cluster().store().list(ResourceTypes.POD, "default")) {
                if (p.path("status").path("phase").asText().equals("Running")) {
                    running++;
                }
            }
        }
        double toRunning = runSpan.wall();
        double toRunningCpu = runSpan.cpu();
        long toRunningAllocated = runSpan.allocatedMiB();
        double simSeconds = Duration.between(simStart, session.now()).toMillis() / 1000.0;

        Measure.Span listSpan = Measure.Span.start();
        StringBuilder out = new StringBuilder();
        session.execute("kubectl get pods -A", o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        double listing = listSpan.wall();
        double listingCpu = listSpan.cpu();
        long listingAllocated = listSpan.allocatedMiB();
        long lines = out.chars().filter(c -> c == '\n').count();

        Measure.Span tenSpan = Measure.Span.start();
        session.advance(Duration.ofMinutes(10));
        double tenMinutes = tenSpan.wall();

        System.out.printf("cluster bootstrap (101 nodes):        %.3f s%n", boot);
        System.out.printf("10,000 pods created and Running:      %.3f s wall (%.3f s CPU, %d MiB allocated) for %.0f"
                + " simulated s (%.1f simulated s per wall s)%n", toRunning, toRunningCpu, toRunningAllocated, simSeconds,
                simSeconds / toRunning);
        System.out.printf("kubectl get pods -A (%d lines):     %.3f s wall (%.3f s CPU, %d MiB allocated)%n", lines, listing,
                listingCpu, listingAllocated);
        System.out.printf("10 simulated minutes:                 %.3f s wall (%.0f simulated s per wall s)%n",
                tenMinutes, 600 / tenMinutes);
        System.out.printf("heap after GC, cluster alive:         %d MiB (%d pods, %d events)%n", Measure.heapMiB(session),
                session.cluster().store().count(ResourceTypes.POD), session.cluster().store().count(ResourceTypes.EVENT));
    }
}
