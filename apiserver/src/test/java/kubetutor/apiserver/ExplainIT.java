package kubetutor.apiserver;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real kubectl 1.32 renders {@code kubectl explain} from serve's OpenAPI v3 documents with its
 * own template; kubetutor's kubectl renders from the engine's schema. Both must print the same
 * bytes, or one of them is not what kubectl prints against a 1.32 cluster.
 */
class ExplainIT {
    @TempDir
    static Path dir;
    static Session session;
    static Server server;
    static Path kubeconfig;

    @BeforeAll
    static void start() throws Exception {
        String problem = RealKubectl.problem();
        if (problem != null) {
            System.err.println("ExplainIT skipped: " + problem);
            Assumptions.abort("skipping the real kubectl tests: " + problem);
        }
        session = new Session(new SessionOptions(1, null, dir, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        server = new Server(session, 0, 0);
        kubeconfig = dir.resolve("serve.kubeconfig");
        Kubeconfig.write(kubeconfig, server.port(), server.token(), server.authorityData());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void kindsAndFieldsReadTheSame() throws Exception {
        for (String path : List.of("pods", "pods.spec", "pods.spec.containers", "pods.spec.containers.livenessProbe",
                "pods.spec.containers.ports", "pods.spec.containers.resources.limits", "pods.metadata.creationTimestamp",
                "pods.status.phase", "deployments.spec.strategy", "deployments.spec.strategy.rollingUpdate.maxSurge",
                "services.spec.ports", "services.spec.ports.targetPort", "replicasets", "replicationcontrollers.spec",
                "namespaces", "nodes.status.capacity", "configmaps", "secrets.data", "daemonsets.spec.updateStrategy",
                "endpoints.subsets.ports", "endpointslices.ports", "leases.spec", "events")) {
            assertExplainsAlike("kubectl explain " + path);
        }
    }

    @Test
    void recursiveAndApiVersionReadTheSame() throws Exception {
        for (String command : List.of("kubectl explain pods --recursive", "kubectl explain deployments.spec --recursive",
                "kubectl explain services --recursive", "kubectl explain deployments --api-version=apps/v1",
                "kubectl explain rs.spec.template --api-version=apps/v1")) {
            assertExplainsAlike(command);
        }
    }

    @Test
    void anUnknownFieldIsKubectlsOwnError() throws Exception {
        assertEquals("error: field \"nosuch\" does not exist\n", real("kubectl explain pods.spec.nosuch"));
        assertExplainsAlike("kubectl explain pods.spec.nosuch");
        assertExplainsAlike("kubectl explain deployments.spec.template.spec.containers.imagex");
    }

    private static void assertExplainsAlike(String command) throws Exception {
        String real = real(command);
        assertTrue(!real.contains("not found in OpenAPI schema"), command + ": " + real);
        assertEquals(real, own(command), command);
    }

    /** What kubetutor's own kubectl prints (stdout and stderr, in order). */
    private static String own(String command) {
        StringBuilder out = new StringBuilder();
        session.execute(command, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return out.toString();
    }

    /** What the real kubectl prints against serve (stdout, then stderr). */
    private static String real(String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command.split(" ")))).redirectErrorStream(true);
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("HOME", dir.toString());
        pb.directory(dir.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        return new String(out, StandardCharsets.UTF_8);
    }
}
