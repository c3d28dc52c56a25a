package kubetutor.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints how long the kernel takes to turn {@code kubectl get pods} over 30 pods into notebook
 * outputs (engine + HTML, no ZMQ). Not a test: run it by hand,
 * {@code java -cp kernel/target/test-classes:kernel/target/kubetutor-kernel.jar kubetutor.kernel.KernelBench}.
 * The pods are created through the API directly, as no kubectl verb creates them yet.
 */
public final class KernelBench {
    private KernelBench() {}

    public static void main(String[] args) throws Exception {
        Session session = new Session(new SessionOptions(1, null, Path.of("").toAbsolutePath()));
        createPods(session, 30);
        session.advance(java.time.Duration.ofSeconds(30));
        CellRunner runner = new CellRunner(session, () -> "d");
        int[] outputs = {0};
        runner.run("kubectl get pods", o -> outputs[0]++);
        for (int i = 0; i < 300; i++) {
            runner.run("kubectl get pods", o -> { });
        }
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            runner.run("kubectl get pods", o -> { });
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("kubectl get pods, 30 pods, in-process (engine + HTML): median %.2f ms, p90 %.2f ms (%d output)%n",
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 9 / 10] / 1e6, outputs[0]);
    }

    static void createPods(Session session, int n) {
        ObjectMapper json = new ObjectMapper();
        for (int i = 1; i <= n; i++) {
            ObjectNode pod = (ObjectNode) json.valueToTree(java.util.Map.of(
                    "apiVersion", "v1", "kind", "Pod",
                    "metadata", java.util.Map.of("name", String.format("web-%02d", i), "namespace", "default",
                            "labels", java.util.Map.of("app", "web")),
                    "spec", java.util.Map.of("containers", java.util.List.of(java.util.Map.of("name", "nginx", "image", "nginx")))));
            session.cluster().api().create(ResourceTypes.POD, pod);
        }
        session.cluster().sim().settle();
    }
}
