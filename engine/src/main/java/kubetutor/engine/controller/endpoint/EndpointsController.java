package kubetutor.engine.controller.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.DeleteOptions;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.Keys;
import kubetutor.engine.controller.WorkQueue;
import kubetutor.engine.selector.LabelSelector;
import kubetutor.engine.sim.Simulation;

import java.util.List;
import java.util.Map;

/**
 * kube-controller-manager's endpoints controller: every Service with a selector has an Endpoints
 * object of its name listing the pods it selects, ready ones under addresses and the others under
 * notReadyAddresses; a Service's deletion takes its Endpoints along. Keys are Service keys.
 */
public final class EndpointsController {
    static final String TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
    static final String HEADLESS = "service.kubernetes.io/headless";

    private final ApiServer api;
    private final Simulation sim;
    private final WorkQueue<String> queue;

    public EndpointsController(ControllerContext ctx) {
        this.api = ctx.api();
        this.sim = ctx.sim();
        this.queue = ctx.queue(this::sync);
        ctx.informers().on(ResourceTypes.SERVICE, Informers.enqueueing(queue));
        ctx.informers().on(ResourceTypes.POD, new SelectingServices(api, queue));
    }

    private void sync(String key) {
        String ns = Keys.namespace(key);
        String name = Keys.name(key);
        ObjectNode svc = api.store().get(ResourceTypes.SERVICE, ns, name);
        ObjectNode current = api.store().get(ResourceTypes.ENDPOINTS, ns, name);
        if (svc == null) {
            if (current != null) {
                try {
                    api.delete(ResourceTypes.ENDPOINTS, ns, name, DeleteOptions.DEFAULT);
                } catch (ApiException e) {
                    if (e.reason() != ApiException.Reason.NotFound) {
                        throw e;
                    }
                }
            }
            return;
        }
        Map<String, String> selector = Meta.stringMap(svc.path("spec").path("selector"));
        if (selector.isEmpty()) {
            return;
        }
        LabelSelector matching = LabelSelector.fromMap(selector);
        List<ObjectNode> pods = api.store().list(ResourceTypes.POD, ns).stream()
                .filter(p -> matching.matches(Meta.stringMap(p.path("metadata").path("labels"))))
                .toList();
        ArrayNode subsets = Subsets.of(svc, pods);
        ObjectNode labels = labels(svc);
        if (current != null && sameSubsets(current.path("subsets"), subsets)
                && Meta.stringMap(current.path("metadata").path("labels")).equals(Meta.stringMap(labels))) {
            return;
        }
        ObjectNode ep = current == null ? fresh(ns, name) : Meta.newVersion(current);
        ObjectNode meta = Meta.metadata(ep);
        meta.putObject("annotations").put(TRIGGER_TIME, Meta.timestamp(sim.now()));
        if (labels.isEmpty()) {
            meta.remove("labels");
        } else {
            meta.set("labels", labels);
        }
        if (subsets.isEmpty()) {
            ep.remove("subsets");
        } else {
            ep.set("subsets", subsets);
        }
        try {
            if (current == null) {
                api.create(ResourceTypes.ENDPOINTS, ep);
            } else {
                api.update(ResourceTypes.ENDPOINTS, ep);
            }
        } catch (ApiException e) {
            // a Service in a namespace being deleted gets no new Endpoints: the namespace controller is coming
            if (!(e.reason() == ApiException.Reason.Forbidden && e.getMessage().endsWith("because it is being terminated"))) {
                throw e;
            }
        }
    }

    private static boolean sameSubsets(JsonNode have, ArrayNode want) {
        return want.isEmpty() ? have.isEmpty() : have.equals(want);
    }

    /** The Service's labels, and the headless mark kube-proxy skips such Endpoints by. */
    private static ObjectNode labels(JsonNode svc) {
        ObjectNode labels = Meta.JSON.objectNode();
        svc.path("metadata").path("labels").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
        if (ServicePods.headless(svc)) {
            labels.put(HEADLESS, "");
        }
        return labels;
    }

    private static ObjectNode fresh(String ns, String name) {
        ObjectNode ep = Meta.JSON.objectNode();
        ep.put("apiVersion", "v1");
        ep.put("kind", "Endpoints");
        ep.putObject("metadata").put("name", name).put("namespace", ns);
        return ep;
    }
}
