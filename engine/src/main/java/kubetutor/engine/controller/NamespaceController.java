package kubetutor.engine.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.WatchEvent;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;

/**
 * kube-controller-manager's namespace controller: a namespace being deleted shows Terminating while
 * everything in it is deleted (pods through their grace period); when nothing is left the
 * "kubernetes" finalizer goes and so does the namespace.
 */
public final class NamespaceController {
    private final ApiServer api;
    private final Simulation sim;

    public NamespaceController(ApiServer api, Simulation sim) {
        this.api = api;
        this.sim = sim;
        api.store().watch(this::onEvent);
    }

    private void onEvent(WatchEvent e) {
        if (e.resource() == ResourceTypes.NAMESPACE && e.type() == WatchEvent.Type.MODIFIED
                && Meta.isTerminating(e.object())
                && !e.object().path("status").path("phase").asText().equals("Terminating")) {
            String name = Meta.name(e.object());
            sim.after(Duration.ZERO, () -> startTerminating(name));
        } else if (e.type() == WatchEvent.Type.DELETED && e.resource().namespaced()) {
            String ns = Meta.namespace(e.object());
            ObjectNode namespace = api.store().get(ResourceTypes.NAMESPACE, "", ns);
            if (namespace != null && Meta.isTerminating(namespace)) {
                sim.after(Duration.ZERO, () -> finishIfEmpty(ns));
            }
        }
    }

    private void startTerminating(String name) {
        ObjectNode ns = api.store().get(ResourceTypes.NAMESPACE, "", name);
        if (ns == null) {
            return;
        }
        ObjectNode next = ns.deepCopy();
        ((ObjectNode) next.with("status")).put("phase", "Terminating");
        api.updateStatus(ResourceTypes.NAMESPACE, next);
        for (ResourceType type : ResourceTypes.ALL_TYPES) {
            if (!type.namespaced()) {
                continue;
            }
            for (ObjectNode obj : api.store().list(type, name)) {
                if (!Meta.isTerminating(obj)) {
                    api.delete(type, name, Meta.name(obj), kubetutor.engine.api.DeleteOptions.DEFAULT);
                }
            }
        }
        finishIfEmpty(name);
    }

    private void finishIfEmpty(String name) {
        for (ResourceType type : ResourceTypes.ALL_TYPES) {
            if (type.namespaced() && !api.store().list(type, name).isEmpty()) {
                return;
            }
        }
        if (api.store().get(ResourceTypes.NAMESPACE, "", name) != null) {
            // The controller's last sync runs a few seconds after the namespace empties.
            sim.after(Duration.ofSeconds(3), () -> api.finalizeRemoval(ResourceTypes.NAMESPACE, "", name));
        }
    }
}
