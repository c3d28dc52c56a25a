package kubetutor.engine.controller.bootstraptoken;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.WorkQueue;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * kube-controller-manager's bootstrapsigner (kubeadm turns it on): kube-public/cluster-info holds,
 * beside its kubeconfig, one {@code jws-kubeconfig-ID} signature per bootstrap token that may sign
 * (usage-bootstrap-signing), and none for a token that is gone or expired.
 */
public final class BootstrapSigner {
    public static final String CONFIG_MAP_NAMESPACE = "kube-public";
    public static final String CONFIG_MAP = "cluster-info";
    static final String SIGNATURE_PREFIX = "jws-kubeconfig-";
    private static final String KEY = CONFIG_MAP_NAMESPACE + "/" + CONFIG_MAP;

    private final ApiServer api;
    private final ControllerContext ctx;
    private final WorkQueue<String> queue;

    public BootstrapSigner(ControllerContext ctx) {
        this.ctx = ctx;
        this.api = ctx.api();
        this.queue = ctx.queue(key -> sync());
        Informers.EventHandler clusterInfo = new Informers.EventHandler() {
            @Override
            public void added(ObjectNode cm) {
                enqueueIf(isClusterInfo(cm));
            }

            @Override
            public void updated(ObjectNode old, ObjectNode cm) {
                enqueueIf(isClusterInfo(cm));
            }
        };
        ctx.informers().on(ResourceTypes.CONFIG_MAP, clusterInfo);
        ctx.informers().on(ResourceTypes.SECRET, new Informers.EventHandler() {
            @Override
            public void added(ObjectNode secret) {
                enqueueIf(BootstrapTokens.isToken(secret));
            }

            @Override
            public void updated(ObjectNode old, ObjectNode secret) {
                enqueueIf(BootstrapTokens.isToken(secret));
            }

            @Override
            public void deleted(ObjectNode secret) {
                enqueueIf(BootstrapTokens.isToken(secret));
            }
        });
    }

    private static boolean isClusterInfo(ObjectNode cm) {
        return Meta.namespace(cm).equals(CONFIG_MAP_NAMESPACE) && Meta.name(cm).equals(CONFIG_MAP);
    }

    private void enqueueIf(boolean relevant) {
        if (relevant) {
            queue.add(KEY);
        }
    }

    private void sync() {
        ObjectNode cm = api.store().get(ResourceTypes.CONFIG_MAP, CONFIG_MAP_NAMESPACE, CONFIG_MAP);
        if (cm == null || !cm.path("data").path("kubeconfig").isTextual()) {
            return;
        }
        String kubeconfig = cm.path("data").path("kubeconfig").asText();
        Map<String, String> data = new TreeMap<>(Meta.stringMap(cm.path("data")));
        data.keySet().removeIf(k -> k.startsWith(SIGNATURE_PREFIX));
        for (ObjectNode secret : api.store().list(ResourceTypes.SECRET, BootstrapTokens.NAMESPACE)) {
            signingToken(secret).ifPresent(t -> data.put(SIGNATURE_PREFIX + t.id(), DetachedJws.sign(kubeconfig, t.id(), t.secret())));
        }
        if (data.equals(Meta.stringMap(cm.path("data")))) {
            return;
        }
        ObjectNode next = Meta.newVersion(cm);
        ObjectNode d = next.putObject("data");
        data.forEach(d::put);
        api.update(ResourceTypes.CONFIG_MAP, next);
    }

    /** The token's ID and secret, when it is a live token allowed to sign. */
    private Optional<SigningToken> signingToken(ObjectNode secret) {
        if (!BootstrapTokens.isToken(secret) || Meta.isTerminating(secret)
                || BootstrapTokens.expired(secret, ctx.sim().now())
                || !BootstrapTokens.field(secret, "usage-bootstrap-signing").orElse("").equals("true")) {
            return Optional.empty();
        }
        Optional<String> id = BootstrapTokens.field(secret, "token-id");
        Optional<String> key = BootstrapTokens.field(secret, "token-secret");
        if (id.isEmpty() || key.isEmpty() || !Meta.name(secret).equals(BootstrapTokens.NAME_PREFIX + id.get())) {
            return Optional.empty();
        }
        return Optional.of(new SigningToken(id.get(), key.get()));
    }

    private record SigningToken(String id, String secret) {}
}
