package kubetutor.engine.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.schema.FieldError;
import kubetutor.engine.sim.Rng;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The node port allocator. Ports of one Service that share a port number share a node port (TCP and
 * UDP on 53 get one), as the registry's initNodePorts does; a port asked for by hand must be in the
 * range and free.
 */
final class NodePorts {
    static final Range DEFAULT_RANGE = new Range(30000, 2768);

    record Range(int base, int size) {
        boolean contains(int port) {
            return port >= base && port < base + size;
        }

        @Override
        public String toString() {
            return base + "-" + (base + size - 1);
        }
    }

    private final Range range;
    private final RandomScan scan;
    private final Rng rng;

    NodePorts(Range range, Rng rng) {
        this.range = range;
        // portallocator's calculateRangeOffset: a 32nd of the range, between 16 and 128 ports
        this.scan = RandomScan.of(range.size(), 16, 128, 32);
        this.rng = rng;
    }

    /** @param kept node ports the Service already holds (an update), which are not taken from itself */
    void allocate(ObjectNode svc, ObjectNode spec, List<ObjectNode> others, Set<Integer> kept) {
        Set<Integer> taken = new HashSet<>();
        for (ObjectNode o : others) {
            for (JsonNode p : o.path("spec").path("ports")) {
                taken.add(p.path("nodePort").asInt(0));
            }
            taken.add(o.path("spec").path("healthCheckNodePort").asInt(0));
        }
        boolean allocateNew = spec.path("allocateLoadBalancerNodePorts").asBoolean(true)
                || !spec.path("type").asText().equals("LoadBalancer");
        Map<Integer, Integer> byServicePort = new HashMap<>();
        JsonNode ports = spec.path("ports");
        for (int i = 0; i < ports.size(); i++) {
            if (!(ports.get(i) instanceof ObjectNode port)) {
                continue;
            }
            int requested = port.path("nodePort").asInt(0);
            int servicePort = port.path("port").asInt(0);
            if (requested == 0 && !allocateNew) {
                continue;
            }
            Integer shared = byServicePort.get(servicePort);
            if (requested == 0 && shared == null) {
                requested = requestedLater(ports, i, servicePort);
            }
            if (requested == 0 && shared != null) {
                port.put("nodePort", shared);
            } else if (requested == 0) {
                int next = next(taken);
                taken.add(next);
                port.put("nodePort", next);
                byServicePort.put(servicePort, next);
            } else if (shared == null || shared != requested) {
                if (!kept.contains(requested) || byServicePort.containsValue(requested)) {
                    check(svc, i, requested, taken);
                }
                taken.add(requested);
                port.put("nodePort", requested);
                byServicePort.putIfAbsent(servicePort, requested);
            }
        }
    }

    /** A node port given by hand to a later port with the same number, which this one then shares. */
    private static int requestedLater(JsonNode ports, int from, int servicePort) {
        for (int j = from; j < ports.size(); j++) {
            if (ports.get(j).path("port").asInt(0) == servicePort && ports.get(j).path("nodePort").asInt(0) != 0) {
                return ports.get(j).path("nodePort").asInt();
            }
        }
        return 0;
    }

    private int next(Set<Integer> taken) {
        OptionalInt slot = scan.next(rng, s -> taken.contains(range.base() + s));
        if (slot.isEmpty()) {
            throw new ApiException(ApiException.Reason.InternalError,
                    "Internal error occurred: failed to allocate a nodePort: range is full");
        }
        return range.base() + slot.getAsInt();
    }

    private void check(ObjectNode svc, int index, int port, Set<Integer> taken) {
        String why = !range.contains(port)
                ? "provided port is not in the valid range. The range of valid ports is " + range
                : taken.contains(port) ? "provided port is already allocated" : null;
        if (why != null) {
            throw ServiceAllocations.invalid(svc, FieldError.invalid("spec.ports[" + index + "].nodePort", port, why));
        }
    }
}
