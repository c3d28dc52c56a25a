package kubetutor.engine.controller.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.Keys;
import kubetutor.engine.controller.WorkQueue;
import kubetutor.engine.selector.LabelSelector;

import java.util.Map;

/**
 * A pod changed: the Services whose selectors match it before or after the change are looked at
 * again (the controllers' getPodServiceMemberships), so a relabelled pod leaves its old Service.
 */
public final class SelectingServices implements Informers.EventHandler {
    private final ApiServer api;
    private final WorkQueue<String> queue;

    public SelectingServices(ApiServer api, WorkQueue<String> queue) {
        this.api = api;
        this.queue = queue;
    }

    @Override
    public void added(ObjectNode pod) {
        enqueue(pod);
    }

    @Override
    public void updated(ObjectNode old, ObjectNode pod) {
        enqueue(pod);
        if (!Meta.stringMap(old.path("metadata").path("labels")).equals(Meta.stringMap(pod.path("metadata").path("labels")))) {
            enqueue(old);
        }
    }

    @Override
    public void deleted(ObjectNode pod) {
        enqueue(pod);
    }

    private void enqueue(JsonNode pod) {
        Map<String, String> labels = Meta.stringMap(pod.path("metadata").path("labels"));
        for (ObjectNode svc : api.store().list(ResourceTypes.SERVICE, Meta.namespace(pod))) {
            Map<String, String> selector = Meta.stringMap(svc.path("spec").path("selector"));
            if (!selector.isEmpty() && LabelSelector.fromMap(selector).matches(labels)) {
                queue.add(Keys.of(svc));
            }
        }
    }
}
