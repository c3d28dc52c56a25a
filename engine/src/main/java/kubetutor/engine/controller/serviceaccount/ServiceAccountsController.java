package kubetutor.engine.controller.serviceaccount;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.WorkQueue;

/**
 * kube-controller-manager's serviceaccount controller: every active namespace has the
 * ServiceAccount "default", which pods use when their spec names none; deleting it brings a new one.
 * Since 1.24 no token Secret goes with it. Keys are namespace names.
 */
public final class ServiceAccountsController {
    static final String DEFAULT = "default";

    private final ApiServer api;
    private final WorkQueue<String> queue;

    public ServiceAccountsController(ControllerContext ctx) {
        this.api = ctx.api();
        this.queue = ctx.queue(this::sync);
        ctx.informers().on(ResourceTypes.NAMESPACE, Informers.enqueueing(queue));
        ctx.informers().on(ResourceTypes.SERVICE_ACCOUNT, new Informers.EventHandler() {
            @Override
            public void deleted(ObjectNode sa) {
                queue.add(Meta.namespace(sa));
            }
        });
    }

    private void sync(String namespace) {
        ObjectNode ns = api.store().get(ResourceTypes.NAMESPACE, "", namespace);
        // a namespace on its way out gets nothing new
        if (ns == null || !ns.path("status").path("phase").asText().equals("Active") || Meta.isTerminating(ns)) {
            return;
        }
        if (api.store().get(ResourceTypes.SERVICE_ACCOUNT, namespace, DEFAULT) != null) {
            return;
        }
        ObjectNode sa = Meta.JSON.objectNode();
        sa.put("apiVersion", "v1");
        sa.put("kind", "ServiceAccount");
        sa.putObject("metadata").put("name", DEFAULT).put("namespace", namespace);
        try {
            api.create(ResourceTypes.SERVICE_ACCOUNT, sa);
        } catch (ApiException e) {
            if (e.reason() != ApiException.Reason.AlreadyExists
                    && !(e.reason() == ApiException.Reason.Forbidden && e.getMessage().endsWith("because it is being terminated"))) {
                throw e;
            }
        }
    }
}
