package kubetutor.engine.controller.namespace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.DeleteOptions;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.WorkQueue;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;

/**
 * kube-controller-manager's namespace controller: a namespace being deleted shows Terminating while
 * everything in it is deleted (pods through their grace period); when nothing is left the
 * "kubernetes" finalizer goes and so does the namespace.
 */
public final class NamespaceController {
    /** The controller's last sync runs a few seconds after the namespace empties. */
    private static final Duration LAST_SYNC = Duration.ofSeconds(3);

    private final ApiServer api;
    private final WorkQueue<String> queue;
    private final Simulation sim;

    public NamespaceController(ControllerContext ctx) {
        this.api = ctx.api();
        this.sim = ctx.sim();
        this.queue = ctx.queue(this::sync);
        ctx.informers().on(ResourceTypes.NAMESPACE, new Informers.EventHandler() {
            @Override
            public void updated(ObjectNode old, ObjectNode ns) {
                if (Meta.isTerminating(ns)) {
                    queue.add(Meta.name(ns));
                }
            }
        });
        Informers.EventHandler contentGone = new Informers.EventHandler() {
            @Override
            public void deleted(ObjectNode obj) {
                ObjectNode ns = api.store().get(ResourceTypes.NAMESPACE, "", Meta.namespace(obj));
                if (ns != null && Meta.isTerminating(ns)) {
                    queue.add(Meta.name(ns));
                }
            }
        };
        for (ResourceType type : ResourceTypes.ALL_TYPES) {
            if (type.namespaced()) {
                ctx.informers().on(type, contentGone);
            }
        }
    }

    private void sync(String name) {
        ObjectNode ns = api.store().get(ResourceTypes.NAMESPACE, "", name);
        if (ns == null || !Meta.isTerminating(ns)) {
            return;
        }
        if (!ns.path("status").path("phase").asText().equals("Terminating")) {
            ObjectNode next = Meta.newVersion(ns);
            next.set("status", Meta.JSON.objectNode().put("phase", "Terminating"));
            api.updateStatus(ResourceTypes.NAMESPACE, next);
        }
        boolean empty = true;
        for (ResourceType type : ResourceTypes.ALL_TYPES) {
            if (!type.namespaced()) {
                continue;
            }
            for (ObjectNode obj : api.store().list(type, name)) {
                empty = false;
                if (!Meta.isTerminating(obj)) {
                    api.delete(type, name, Meta.name(obj), DeleteOptions.DEFAULT);
                }
            }
        }
        if (empty) {
            sim.after(LAST_SYNC, () -> finish(name));
        }
    }

    private void finish(String name) {
        ObjectNode ns = api.store().get(ResourceTypes.NAMESPACE, "", name);
        if (ns == null || !Meta.isTerminating(ns)) {
            return;
        }
        for (ResourceType type : ResourceTypes.ALL_TYPES) {
            if (type.namespaced() && !api.store().list(type, name).isEmpty()) {
                return;
            }
        }
        api.finalizeRemoval(ResourceTypes.NAMESPACE, "", name);
    }
}
