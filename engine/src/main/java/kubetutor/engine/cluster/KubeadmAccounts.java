package kubetutor.engine.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.controller.bootstraptoken.BootstrapTokens;
import kubetutor.engine.sim.Rng;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The identities of a kubeadm 1.32 cluster: the ServiceAccount each kube-controller-manager
 * controller gets when it starts (kubeadm runs kube-controller-manager with
 * --use-service-account-credentials; the controllers of cloud providers and those behind feature
 * gates that are off in 1.32 start none), the two kubeadm's addons run as, and kubeadm init's
 * bootstrap token.
 */
final class KubeadmAccounts {
    /** The names kube-controller-manager's controllers ask for (several controllers share one, e.g. node-controller). */
    static final List<String> CONTROLLERS = List.of(
            "attachdetach-controller", "bootstrap-signer", "certificate-controller",
            "clusterrole-aggregation-controller", "cronjob-controller", "daemon-set-controller",
            "deployment-controller", "disruption-controller", "endpoint-controller", "endpointslice-controller",
            "endpointslicemirroring-controller", "ephemeral-volume-controller", "expand-controller",
            "generic-garbage-collector", "horizontal-pod-autoscaler", "job-controller",
            "legacy-service-account-token-cleaner", "namespace-controller", "node-controller",
            "persistent-volume-binder", "pod-garbage-collector", "pv-protection-controller",
            "pvc-protection-controller", "replicaset-controller", "replication-controller",
            "resourcequota-controller", "root-ca-cert-publisher", "service-account-controller",
            "statefulset-controller", "token-cleaner", "ttl-after-finished-controller", "ttl-controller",
            "validatingadmissionpolicy-status-controller");
    static final List<String> ADDONS = List.of("coredns", "kube-proxy");
    /** kubeadm's default token TTL: a lab older than this has no bootstrap token left (the token cleaner took it). */
    static final Duration TOKEN_TTL = Duration.ofHours(24);
    private static final String TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private KubeadmAccounts() {}

    static ObjectNode serviceAccount(String name) {
        ObjectNode sa = Meta.JSON.objectNode();
        sa.put("apiVersion", "v1");
        sa.put("kind", "ServiceAccount");
        sa.putObject("metadata").put("name", name).put("namespace", "kube-system");
        return sa;
    }

    /** A token as kubeadm generates one: [a-z0-9]{6}.[a-z0-9]{16}, drawn from the token's own stream. */
    static ObjectNode bootstrapToken(Rng rng, Instant createdAt) {
        return BootstrapTokens.kubeadmDefault(draw(rng, 6), draw(rng, 16), createdAt.plus(TOKEN_TTL));
    }

    private static String draw(Rng rng, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(TOKEN_ALPHABET.charAt(rng.nextInt(TOKEN_ALPHABET.length())));
        }
        return sb.toString();
    }
}
