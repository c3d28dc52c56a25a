package kubetutor.engine.controller.bootstraptoken;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.DeleteOptions;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.WorkQueue;

import java.time.Duration;
import java.time.Instant;

/**
 * kube-controller-manager's tokencleaner (kubeadm turns it on): a bootstrap token Secret is
 * deleted once its expiration passes. kubeadm's default token lives 24 hours, so a lab older
 * than a day has none left. Keys are Secret names in kube-system.
 */
public final class TokenCleaner {
    private final ApiServer api;
    private final ControllerContext ctx;
    private final WorkQueue<String> queue;

    public TokenCleaner(ControllerContext ctx) {
        this.ctx = ctx;
        this.api = ctx.api();
        this.queue = ctx.queue(this::sync);
        ctx.informers().on(ResourceTypes.SECRET, new Informers.EventHandler() {
            @Override
            public void added(ObjectNode secret) {
                enqueue(secret);
            }

            @Override
            public void updated(ObjectNode old, ObjectNode secret) {
                enqueue(secret);
            }
        });
    }

    private void enqueue(ObjectNode secret) {
        if (BootstrapTokens.isToken(secret)) {
            queue.add(Meta.name(secret));
        }
    }

    private void sync(String name) {
        ObjectNode secret = api.store().get(ResourceTypes.SECRET, BootstrapTokens.NAMESPACE, name);
        if (secret == null || !BootstrapTokens.isToken(secret) || Meta.isTerminating(secret)) {
            return;
        }
        Instant now = ctx.sim().now();
        if (!BootstrapTokens.expired(secret, now)) {
            BootstrapTokens.expiration(secret).ifPresent(e -> queue.addAfter(name, Duration.between(now, e)));
            return;
        }
        try {
            // the uid precondition: a token re-created under the same name meanwhile is not this one
            api.delete(ResourceTypes.SECRET, BootstrapTokens.NAMESPACE, name, new DeleteOptions(null, null,
                    new DeleteOptions.Preconditions(Meta.uid(secret), null), false));
        } catch (ApiException e) {
            if (e.reason() != ApiException.Reason.NotFound && e.reason() != ApiException.Reason.Conflict) {
                throw e;
            }
        }
    }
}
