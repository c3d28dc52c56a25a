package kubetutor.engine.controller.bootstraptoken;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.cluster.Cluster;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A bootstrap token signs cluster-info while it lives and is cleaned up when it expires
 * (pkg/controller/bootstrap: bootstrapsigner.go, tokencleaner.go), through a real control plane.
 */
class BootstrapTokenTest {
    private final Cluster cluster = Cluster.defaultLab(1);

    private Map<String, String> clusterInfo() {
        return Meta.stringMap(cluster.store().get(ResourceTypes.CONFIG_MAP, "kube-public", "cluster-info").path("data"));
    }

    @Test
    void aTwoDayOldLabHasOutlivedKubeadmsTokenAndItsSignature() {
        assertEquals(List.of(), cluster.store().list(ResourceTypes.SECRET, "kube-system"));
        assertEquals(List.of("kubeconfig"), List.copyOf(clusterInfo().keySet()));
    }

    @Test
    void aNewTokenSignsClusterInfoUntilItExpires() {
        ObjectNode token = BootstrapTokens.kubeadmDefault("abcdef", "0123456789abcdef",
                cluster.sim().now().plus(Duration.ofHours(1)));
        cluster.api().create(ResourceTypes.SECRET, token);
        cluster.sim().settle();
        String kubeconfig = clusterInfo().get("kubeconfig");
        assertEquals(DetachedJws.sign(kubeconfig, "abcdef", "0123456789abcdef"), clusterInfo().get("jws-kubeconfig-abcdef"));

        cluster.sim().advance(Duration.ofMinutes(59));
        assertNotNull(cluster.store().get(ResourceTypes.SECRET, "kube-system", "bootstrap-token-abcdef"));
        cluster.sim().advance(Duration.ofMinutes(1));
        assertNull(cluster.store().get(ResourceTypes.SECRET, "kube-system", "bootstrap-token-abcdef"));
        assertNull(clusterInfo().get("jws-kubeconfig-abcdef"));
    }

    @Test
    void theSignatureIsAnHs256JwsWithItsPayloadCutOut() {
        // computed independently (Python's hmac over base64url(header) + "." + base64url(payload))
        assertEquals("eyJhbGciOiJIUzI1NiIsImtpZCI6ImFiY2RlZiJ9..jGfh3cAKffhbjQqP1x03VRxdhcDip6Xp1PFxbB0P9vg",
                DetachedJws.sign("hello\n", "abcdef", "0123456789abcdef"));
    }
}
