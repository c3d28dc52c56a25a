package kubetutor.engine.controller.endpointslice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writes that bring a Service's slices to the endpoints it should have (the endpointslice
 * reconciler's reconcileByAddressType and finalize): endpoints stay in the slice they are in, gone
 * ones leave it, new ones first fill the slices being written anyway, then an unchanged slice they
 * all fit in, then new slices of at most {@link #MAX_ENDPOINTS}. A Service with nothing to list
 * keeps one empty placeholder slice; a slice about to be deleted is reused for one about to be
 * created, so names change as little as they can.
 */
final class SlicePlan {
    /** kube-controller-manager's --max-endpoints-per-slice default. */
    static final int MAX_ENDPOINTS = 100;

    /** One slice to write: {@code name} is null for a slice to create. */
    record Write(String name, ArrayNode endpoints, ArrayNode ports) {}

    record Plan(List<Write> creates, List<Write> updates, List<String> deletes) {
        boolean isEmpty() {
            return creates.isEmpty() && updates.isEmpty() && deletes.isEmpty();
        }
    }

    private final List<Write> creates = new ArrayList<>();
    private final List<Write> updates = new ArrayList<>();
    private final List<ObjectNode> deletes = new ArrayList<>();

    private SlicePlan() {}

    /**
     * @param existing      the Service's slices, by name
     * @param desired       the endpoints it should have, grouped by their port lists
     * @param labelsChanged whether the existing slices' labels differ from those they should have
     */
    static Plan of(List<ObjectNode> existing, Map<String, List<PodEndpoints.Desired>> desired, boolean labelsChanged) {
        SlicePlan plan = new SlicePlan();
        Map<String, List<ObjectNode>> existingByPorts = new LinkedHashMap<>();
        for (ObjectNode slice : existing) {
            existingByPorts.computeIfAbsent(portsKey(slice), k -> new ArrayList<>()).add(slice);
        }
        existingByPorts.forEach((ports, slices) -> {
            if (desired.containsKey(ports)) {
                plan.byPorts(slices, desired.get(ports), labelsChanged);
            } else {
                plan.deletes.addAll(slices);
            }
        });
        desired.forEach((ports, endpoints) -> {
            if (!existingByPorts.containsKey(ports)) {
                plan.byPorts(List.of(), endpoints, labelsChanged);
            }
        });
        if (existing.size() == plan.deletes.size() && plan.creates.isEmpty()) {
            if (plan.deletes.size() == 1 && isPlaceholder(plan.deletes.get(0)) && !labelsChanged) {
                plan.deletes.clear();
            } else {
                plan.creates.add(new Write(null, Meta.JSON.arrayNode(), Meta.JSON.arrayNode()));
            }
        }
        return plan.finish();
    }

    private void byPorts(List<ObjectNode> slices, List<PodEndpoints.Desired> wanted, boolean labelsChanged) {
        Map<String, PodEndpoints.Desired> pending = new LinkedHashMap<>();
        wanted.forEach(d -> pending.put(d.key(), d));
        ArrayNode ports = wanted.get(0).ports();
        List<Write> touched = new ArrayList<>();
        Set<ObjectNode> unchanged = new LinkedHashSet<>();
        for (ObjectNode slice : slices) {
            ArrayNode kept = Meta.JSON.arrayNode();
            boolean changed = false;
            for (JsonNode ep : slice.path("endpoints")) {
                PodEndpoints.Desired d = pending.remove(PodEndpoints.key(ep));
                if (d != null) {
                    kept.add(d.endpoint());
                    changed |= !d.endpoint().equals(ep);
                }
            }
            if (kept.size() != slice.path("endpoints").size() || changed || labelsChanged) {
                if (kept.isEmpty()) {
                    deletes.add(slice);
                } else {
                    touched.add(new Write(Meta.name(slice), kept, ports));
                }
            } else {
                unchanged.add(slice);
            }
        }
        Deque<PodEndpoints.Desired> rest = new ArrayDeque<>(pending.values());
        touched.sort(Comparator.comparingInt((Write w) -> w.endpoints().size()).reversed());
        for (Write w : touched) {
            fill(w.endpoints(), rest);
        }
        updates.addAll(touched);
        while (!rest.isEmpty()) {
            ObjectNode fit = rest.size() < MAX_ENDPOINTS ? sliceToFill(unchanged, rest.size()) : null;
            if (fit == null) {
                ArrayNode eps = Meta.JSON.arrayNode();
                fill(eps, rest);
                creates.add(new Write(null, eps, ports));
            } else {
                unchanged.remove(fit);
                ArrayNode eps = ((ArrayNode) fit.path("endpoints")).deepCopy();
                fill(eps, rest);
                updates.add(new Write(Meta.name(fit), eps, ports));
            }
        }
    }

    /** getSliceToFill: the unchanged slice that the endpoints fill most nearly, if any has room. */
    private static ObjectNode sliceToFill(Set<ObjectNode> unchanged, int count) {
        ObjectNode best = null;
        int closest = MAX_ENDPOINTS;
        for (ObjectNode slice : unchanged) {
            int diff = MAX_ENDPOINTS - (count + slice.path("endpoints").size());
            if (diff >= 0 && diff < closest) {
                closest = diff;
                best = slice;
            }
        }
        return best;
    }

    private static void fill(ArrayNode endpoints, Deque<PodEndpoints.Desired> rest) {
        while (endpoints.size() < MAX_ENDPOINTS && !rest.isEmpty()) {
            endpoints.add(rest.poll().endpoint());
        }
    }

    /** finalize: a slice to delete takes the place of one to create (the last one first). */
    private Plan finish() {
        List<String> deleted = new ArrayList<>();
        for (ObjectNode slice : deletes) {
            if (creates.isEmpty()) {
                deleted.add(Meta.name(slice));
            } else {
                Write w = creates.remove(creates.size() - 1);
                updates.add(new Write(Meta.name(slice), w.endpoints(), w.ports()));
            }
        }
        return new Plan(List.copyOf(creates), List.copyOf(updates), List.copyOf(deleted));
    }

    private static boolean isPlaceholder(JsonNode slice) {
        return slice.path("endpoints").isEmpty() && slice.path("ports").isEmpty();
    }

    private static String portsKey(JsonNode slice) {
        return PodEndpoints.portsKey(slice.path("ports"));
    }
}
