package kubetutor.engine.controller.endpointslice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.DeleteOptions;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.Keys;
import kubetutor.engine.controller.OwnerReferences;
import kubetutor.engine.controller.WorkQueue;
import kubetutor.engine.controller.endpoint.SelectingServices;
import kubetutor.engine.selector.LabelSelector;
import kubetutor.engine.sim.Rng;
import kubetutor.engine.sim.Simulation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kube-controller-manager's EndpointSlice controller: every Service with a selector has IPv4
 * EndpointSlices, owned by it and labelled with its name, listing the pods it selects with their
 * ready/serving/terminating conditions, at most 100 to a slice. Keys are Service keys. Slice names
 * come from generateName, drawn from the controller's own stream so they shift no other name.
 */
public final class EndpointSliceController {
    public static final String SERVICE_NAME = "kubernetes.io/service-name";
    public static final String MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
    public static final String CONTROLLER_NAME = "endpointslice-controller.k8s.io";
    private static final String HEADLESS = "service.kubernetes.io/headless";
    private static final String TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";

    private final ApiServer api;
    private final Simulation sim;
    private final Rng names;
    private final WorkQueue<String> queue;

    public EndpointSliceController(ControllerContext ctx) {
        this.api = ctx.api();
        this.sim = ctx.sim();
        this.names = ctx.rng("endpointslice-controller");
        this.queue = ctx.queue(this::sync);
        ctx.informers().on(ResourceTypes.SERVICE, Informers.enqueueing(queue));
        ctx.informers().on(ResourceTypes.POD, new SelectingServices(api, queue));
        ctx.informers().on(ResourceTypes.ENDPOINT_SLICE, new Informers.EventHandler() {
            @Override
            public void added(ObjectNode slice) {}

            // someone else edited or deleted a slice of ours: put it back as it should be
            @Override
            public void updated(ObjectNode old, ObjectNode slice) {
                enqueueOwner(slice);
            }

            @Override
            public void deleted(ObjectNode slice) {
                enqueueOwner(slice);
            }
        });
    }

    private void enqueueOwner(JsonNode slice) {
        Map<String, String> labels = Meta.labels(slice);
        if (CONTROLLER_NAME.equals(labels.get(MANAGED_BY)) && labels.containsKey(SERVICE_NAME)) {
            queue.add(Keys.of(Meta.namespace(slice), labels.get(SERVICE_NAME)));
        }
    }

    private void sync(String key) {
        String ns = Keys.namespace(key);
        ObjectNode svc = api.store().get(ResourceTypes.SERVICE, ns, Keys.name(key));
        // a deleted Service's slices go with it through their owner reference
        if (svc == null || svc.path("spec").path("type").asText("").equals("ExternalName")) {
            return;
        }
        Map<String, String> selector = Meta.stringMap(svc.path("spec").path("selector"));
        if (selector.isEmpty()) {
            return;
        }
        LabelSelector matching = LabelSelector.fromMap(selector);
        List<PodEndpoints.Desired> wanted = new ArrayList<>();
        for (ObjectNode pod : api.store().list(ResourceTypes.POD, ns)) {
            if (matching.matches(Meta.labels(pod))) {
                PodEndpoints.Desired d = PodEndpoints.of(svc, pod);
                if (d != null) {
                    wanted.add(d);
                }
            }
        }
        wanted.sort(Comparator.comparing((PodEndpoints.Desired d) -> d.endpoint().path("addresses").path(0).asText()
                .getBytes(StandardCharsets.UTF_8), Arrays::compare).thenComparing(PodEndpoints.Desired::key));
        Map<String, List<PodEndpoints.Desired>> byPorts = new LinkedHashMap<>();
        wanted.forEach(d -> byPorts.computeIfAbsent(d.portsKey(), k -> new ArrayList<>()).add(d));
        ObjectNode labels = labels(svc);
        List<ObjectNode> existing = owned(svc);
        boolean labelsChanged = existing.stream().anyMatch(s -> !Meta.labels(s).equals(Meta.stringMap(labels)));
        SlicePlan.Plan plan = SlicePlan.of(existing, byPorts, labelsChanged);
        try {
            for (SlicePlan.Write w : plan.creates()) {
                api.create(ResourceTypes.ENDPOINT_SLICE, fresh(svc, labels, w));
            }
            for (SlicePlan.Write w : plan.updates()) {
                ObjectNode next = Meta.newVersion(api.store().get(ResourceTypes.ENDPOINT_SLICE, ns, w.name()));
                fill(next, labels, w);
                api.update(ResourceTypes.ENDPOINT_SLICE, next);
            }
            for (String name : plan.deletes()) {
                api.delete(ResourceTypes.ENDPOINT_SLICE, ns, name, DeleteOptions.DEFAULT);
            }
        } catch (ApiException e) {
            // a Service in a namespace being deleted gets no new slices: the namespace controller is coming
            if (!(e.reason() == ApiException.Reason.Forbidden && e.getMessage().endsWith("because it is being terminated"))) {
                throw e;
            }
        }
    }

    /** The slices this controller keeps for the Service, by name. */
    private List<ObjectNode> owned(JsonNode svc) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode slice : api.store().list(ResourceTypes.ENDPOINT_SLICE, Meta.namespace(svc))) {
            Map<String, String> l = Meta.labels(slice);
            if (Meta.name(svc).equals(l.get(SERVICE_NAME)) && CONTROLLER_NAME.equals(l.get(MANAGED_BY))) {
                out.add(slice);
            }
        }
        out.sort(Comparator.comparing(Meta::name));
        return out;
    }

    /** The Service's labels but the reserved ones, then the slice's own (setEndpointSliceLabels). */
    private static ObjectNode labels(JsonNode svc) {
        ObjectNode labels = Meta.JSON.objectNode();
        Meta.labels(svc).forEach((k, v) -> {
            if (!k.equals(SERVICE_NAME) && !k.equals(MANAGED_BY) && !k.equals(HEADLESS)) {
                labels.put(k, v);
            }
        });
        String ip = svc.path("spec").path("clusterIP").asText("");
        if (ip.isEmpty() || ip.equals("None")) {
            labels.put(HEADLESS, "");
        }
        labels.put(SERVICE_NAME, Meta.name(svc));
        labels.put(MANAGED_BY, CONTROLLER_NAME);
        return labels;
    }

    private ObjectNode fresh(JsonNode svc, ObjectNode labels, SlicePlan.Write w) {
        ObjectNode slice = Meta.JSON.objectNode();
        slice.put("apiVersion", ResourceTypes.ENDPOINT_SLICE.apiVersion());
        slice.put("kind", ResourceTypes.ENDPOINT_SLICE.kind());
        ObjectNode meta = slice.putObject("metadata");
        String prefix = Meta.name(svc) + "-";
        // the API server keeps 58 characters of a generateName, leaving room for the suffix
        String base = prefix.length() > 58 ? prefix.substring(0, 58) : prefix;
        String name;
        do {
            name = base + names.suffix(5);
        } while (api.store().get(ResourceTypes.ENDPOINT_SLICE, Meta.namespace(svc), name) != null);
        meta.put("name", name);
        meta.put("generateName", prefix);
        meta.put("namespace", Meta.namespace(svc));
        meta.putArray("ownerReferences").add(OwnerReferences.controllerRef(ResourceTypes.SERVICE, svc));
        fill(slice, labels, w);
        return slice;
    }

    private void fill(ObjectNode slice, ObjectNode labels, SlicePlan.Write w) {
        ObjectNode meta = Meta.metadata(slice);
        meta.set("labels", labels.deepCopy());
        ObjectNode annotations = Meta.JSON.objectNode();
        slice.path("metadata").path("annotations").fields().forEachRemaining(e -> annotations.set(e.getKey(), e.getValue()));
        annotations.put(TRIGGER_TIME, Meta.timestamp(sim.now()));
        meta.set("annotations", annotations);
        slice.put("addressType", "IPv4");
        // the API server stores an empty list as none: a placeholder reads back with null lists
        slice.set("endpoints", w.endpoints().isEmpty() ? Meta.JSON.nullNode() : w.endpoints());
        slice.set("ports", w.ports().isEmpty() ? Meta.JSON.nullNode() : w.ports());
    }
}
