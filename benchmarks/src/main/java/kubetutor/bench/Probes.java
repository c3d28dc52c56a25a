package kubetutor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.cluster.ClusterSpec;
import kubetutor.engine.container.SimRuntime;

import java.time.Duration;
import java.time.Instant;

/**
 * 1,000 pods with exec liveness and readiness probes (period 5s) on 50 workers, one simulated hour.
 * Prints wall time, simulated seconds per wall second and heap. Run:
 * {@code benchmarks/run probes}.
 */
final class Probes {
    private Probes() {}

    public static void main(String[] args) throws Exception {
        int pods = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        long hour = args.length > 2 ? Long.parseLong(args[2]) : 3600;
        ClusterSpec spec = ClusterSpec.parse("""
                podSubnet: 10.0.0.0/8
                nodes:
                  - name: master
                    role: control-plane
                  - name: worker
                    count: 50
                    cpu: 64
                    memory: 256Gi
                """);
        long t0 = System.nanoTime();
        Cluster cluster = new Cluster(1, spec, SimRuntime::new);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (int i = 0; i < pods; i++) {
            ObjectNode pod = (ObjectNode) yaml.readTree("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: probed-%d
                      namespace: default
                    spec:
                      containers:
                      - name: app
                        image: busybox:1.36
                        command: ["sh", "-c", "touch /tmp/healthy; sleep 100000"]
                        livenessProbe:
                          exec:
                            command: ["cat", "/tmp/healthy"]
                          periodSeconds: 5
                        readinessProbe:
                          exec:
                            command: ["test", "-f", "/tmp/healthy"]
                          periodSeconds: 5
                    """.formatted(i));
            cluster.api().create(ResourceTypes.POD, pod);
        }
        long t1 = System.nanoTime();
        Instant end = cluster.sim().now().plus(Duration.ofSeconds(hour));
        cluster.sim().advanceTo(end);
        long t2 = System.nanoTime();
        long ready = cluster.store().list(ResourceTypes.POD, "default").stream()
                .filter(p -> p.path("status").path("containerStatuses").path(0).path("ready").asBoolean()).count();
        double wall = (t2 - t1) / 1e9;
        System.out.printf("pods=%d ready=%d setup=%.2fs simulated=%ds wall=%.2fs sim-s/wall-s=%.0f heap-after-gc=%dMiB max-heap=%dMiB%n",
                pods, ready, (t1 - t0) / 1e9, hour, wall, hour / wall, Measure.heapMiB(cluster),
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
