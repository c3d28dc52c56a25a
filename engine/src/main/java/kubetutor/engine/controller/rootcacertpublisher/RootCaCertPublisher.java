package kubetutor.engine.controller.rootcacertpublisher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.WorkQueue;

import java.util.Map;

/**
 * kube-controller-manager's root-ca-cert-publisher: every namespace holds the ConfigMap
 * kube-root-ca.crt with the cluster's CA certificate under ca.crt (pods mount it with their
 * service account token). A deleted or edited one comes back as it was. Keys are namespace names.
 */
public final class RootCaCertPublisher {
    static final String NAME = "kube-root-ca.crt";
    private static final String DESCRIPTION_ANNOTATION = "kubernetes.io/description";
    private static final String DESCRIPTION = "Contains a CA bundle that can be used to verify the kube-apiserver when "
            + "using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is "
            + "guaranteed across distributions of Kubernetes clusters.";

    private final ApiServer api;
    private final WorkQueue<String> queue;

    public RootCaCertPublisher(ControllerContext ctx) {
        this.api = ctx.api();
        this.queue = ctx.queue(this::sync);
        ctx.informers().on(ResourceTypes.NAMESPACE, new Informers.EventHandler() {
            @Override
            public void added(ObjectNode ns) {
                queue.add(Meta.name(ns));
            }

            @Override
            public void updated(ObjectNode old, ObjectNode ns) {
                if (ns.path("status").path("phase").asText().equals("Active")) {
                    queue.add(Meta.name(ns));
                }
            }
        });
        ctx.informers().on(ResourceTypes.CONFIG_MAP, new Informers.EventHandler() {
            @Override
            public void updated(ObjectNode old, ObjectNode cm) {
                if (Meta.name(cm).equals(NAME)) {
                    queue.add(Meta.namespace(cm));
                }
            }

            @Override
            public void deleted(ObjectNode cm) {
                if (Meta.name(cm).equals(NAME)) {
                    queue.add(Meta.namespace(cm));
                }
            }
        });
    }

    private void sync(String namespace) {
        ObjectNode cm = api.store().get(ResourceTypes.CONFIG_MAP, namespace, NAME);
        if (cm == null) {
            create(namespace);
            return;
        }
        if (Meta.stringMap(cm.path("data")).equals(Map.of("ca.crt", RootCa.PEM))
                && !Meta.annotations(cm).getOrDefault(DESCRIPTION_ANNOTATION, "").isEmpty()) {
            return;
        }
        ObjectNode next = Meta.newVersion(cm);
        next.putObject("data").put("ca.crt", RootCa.PEM);
        ObjectNode annotations = Meta.JSON.objectNode();
        Meta.annotations(cm).forEach(annotations::put);
        Meta.metadata(next).set("annotations", annotations.put(DESCRIPTION_ANNOTATION, DESCRIPTION));
        api.update(ResourceTypes.CONFIG_MAP, next);
    }

    private void create(String namespace) {
        ObjectNode cm = Meta.JSON.objectNode();
        cm.put("apiVersion", "v1");
        cm.put("kind", "ConfigMap");
        ObjectNode meta = cm.putObject("metadata");
        meta.put("name", NAME);
        meta.put("namespace", namespace);
        meta.putObject("annotations").put(DESCRIPTION_ANNOTATION, DESCRIPTION);
        cm.putObject("data").put("ca.crt", RootCa.PEM);
        try {
            api.create(ResourceTypes.CONFIG_MAP, cm);
        } catch (ApiException e) {
            // a namespace that is gone or being deleted takes no new content: nothing to retry
            if (e.reason() != ApiException.Reason.NotFound && !namespaceTerminating(e)) {
                throw e;
            }
        }
    }

    /** The API server's refusal to create in a namespace being deleted (its NamespaceTerminating cause). */
    static boolean namespaceTerminating(ApiException e) {
        return e.reason() == ApiException.Reason.Forbidden && e.getMessage().endsWith("because it is being terminated");
    }
}
