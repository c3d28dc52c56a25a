package kubetutor.engine.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.WatchEvent;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;

/** Background cascading deletion: when an owner goes, its dependents (by ownerReferences uid) are deleted. */
public final class GarbageCollector {
    private final ApiServer api;
    private final Simulation sim;

    public GarbageCollector(ApiServer api, Simulation sim) {
        this.api = api;
        this.sim = sim;
        api.store().watch(this::onEvent);
    }

    private void onEvent(WatchEvent e) {
        if (e.type() != WatchEvent.Type.DELETED || e.resource() == ResourceTypes.EVENT) {
            return;
        }
        String uid = Meta.uid(e.object());
        String ns = Meta.namespace(e.object());
        sim.after(Duration.ZERO, () -> collect(uid, ns));
    }

    private void collect(String ownerUid, String namespace) {
        for (ResourceType type : ResourceTypes.ALL_TYPES) {
            if (!type.namespaced() || type == ResourceTypes.EVENT) {
                continue;
            }
            for (ObjectNode obj : api.store().list(type, namespace.isEmpty() ? null : namespace)) {
                for (JsonNode ref : obj.path("metadata").path("ownerReferences")) {
                    if (ref.path("uid").asText().equals(ownerUid) && !Meta.isTerminating(obj)) {
                        api.delete(type, Meta.namespace(obj), Meta.name(obj), kubetutor.engine.api.DeleteOptions.DEFAULT);
                        break;
                    }
                }
            }
        }
    }
}
