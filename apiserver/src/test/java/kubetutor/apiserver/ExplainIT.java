package kubetutor.apiserver;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

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
    static ServedPair pair;

    @BeforeAll
    static void start() throws Exception {
        RealKubectl.requireFor("ExplainIT");
        pair = new ServedPair(dir);
    }

    @AfterAll
    static void stop() {
        if (pair != null) {
            pair.close();
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
        assertEquals("KIND:       Pod\nVERSION:    v1\n\nerror: field \"nosuch\" does not exist\n",
                pair.real("kubectl explain pods.spec.nosuch"));
        assertExplainsAlike("kubectl explain pods.spec.nosuch");
        assertExplainsAlike("kubectl explain deployments.spec.template.spec.containers.imagex");
        assertExplainsAlike("kubectl explain pods.metadata.labels.foo");
        assertEquals("the server doesn't have a resource type \"nosuch\"\n", pair.real("kubectl explain nosuch"));
        assertEquals(pair.real("kubectl explain nosuch"), pair.own("kubectl explain nosuch"));
    }

    @Test
    void anApiVersionWithoutTheKindIsKubectlsOwnError() throws Exception {
        for (String command : List.of("kubectl explain pods --api-version=apps/v1",
                "kubectl explain deploy --api-version=apps/v1beta1", "kubectl explain deploy --api-version=v1")) {
            String real = pair.real(command);
            assertTrue(real.startsWith("error: "), command + ": " + real);
            assertEquals(real, pair.own(command), command);
        }
    }

    private static void assertExplainsAlike(String command) throws Exception {
        String real = pair.real(command);
        assertTrue(!real.contains("not found in OpenAPI schema"), command + ": " + real);
        assertEquals(real, pair.own(command), command);
    }
}
