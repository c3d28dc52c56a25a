package kubetutor.engine.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.schema.FieldError;
import kubetutor.engine.sim.Rng;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The service IP allocator of one family: a requested IP is checked, an empty one drawn at random. */
final class ClusterIps {
    private static final String BAD_IP = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

    private final Ipv4Range range;
    private final RandomScan scan;
    private final Rng rng;

    ClusterIps(Ipv4Range range, Rng rng) {
        this.range = range;
        // ipallocator's calculateRangeOffset: a sixteenth of the range, between 16 and 256 addresses
        this.scan = RandomScan.of(range.slots(), 16, 256, 16);
        this.rng = rng;
    }

    void allocate(ObjectNode svc, ObjectNode spec, List<ObjectNode> others) {
        String requested = requested(spec);
        Set<Long> taken = new HashSet<>();
        for (ObjectNode o : others) {
            for (JsonNode ip : o.path("spec").path("clusterIPs")) {
                Ipv4Range.parse4(ip.asText()).ifPresent(taken::add);
            }
        }
        String ip;
        if (requested.isEmpty()) {
            OptionalInt slot = scan.next(rng, s -> taken.contains(range.address(s)));
            if (slot.isEmpty()) {
                throw new ApiException(ApiException.Reason.InternalError,
                        "Internal error occurred: failed to allocate a serviceIP: range is full");
            }
            ip = Ipv4Range.format(range.address(slot.getAsInt()));
        } else {
            Optional<Long> parsed = Ipv4Range.parse4(requested);
            if (parsed.isEmpty()) {
                throw ServiceAllocations.invalid(svc, FieldError.invalid("spec.clusterIPs[0]", requested, BAD_IP));
            }
            String why = range.slotOf(parsed.get()) < 0
                    ? "the provided IP (" + requested + ") is not in the valid range. The range of valid IPs is " + range
                    : taken.contains(parsed.get()) ? "provided IP is already allocated" : null;
            if (why != null) {
                throw ServiceAllocations.invalid(svc, FieldError.invalid("spec.clusterIPs",
                        ServiceAllocations.goStrings(spec.path("clusterIPs")), "failed to allocate IP " + requested + ": " + why));
            }
            ip = requested;
        }
        spec.put("clusterIP", ip);
        spec.set("clusterIPs", ServiceAllocations.strings(ip));
    }

    /** The IP asked for: spec.clusterIP, or the first of spec.clusterIPs (v1's conversion keeps them one). */
    private static String requested(ObjectNode spec) {
        String ip = spec.path("clusterIP").asText("");
        if (ip.isEmpty() && spec.path("clusterIPs").size() > 0) {
            ip = spec.path("clusterIPs").get(0).asText("");
        }
        if (!spec.path("clusterIPs").isArray() || spec.path("clusterIPs").isEmpty()) {
            spec.set("clusterIPs", ip.isEmpty() ? ServiceAllocations.strings() : ServiceAllocations.strings(ip));
        }
        return ip;
    }
}
