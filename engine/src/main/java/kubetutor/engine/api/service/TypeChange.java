package kubetutor.engine.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The service strategy's PrepareForUpdate: an update that leaves out what the server allocated
 * (an applied manifest has no clusterIP or nodePort) keeps it, and a change of type drops the
 * fields only the old type had, when the update did not touch them itself.
 */
final class TypeChange {
    private TypeChange() {}

    /** patchAllocatedValues: the cluster IP, and node ports matched by port name. */
    static void keepAllocatedValues(JsonNode old, ObjectNode spec) {
        if (ServiceAllocations.needsClusterIp(old) && ServiceAllocations.needsClusterIp(spec)
                && spec.path("clusterIP").asText("").isEmpty() && spec.path("clusterIPs").isEmpty()) {
            spec.set("clusterIP", old.get("clusterIP"));
            spec.set("clusterIPs", old.get("clusterIPs"));
        }
        if (ServiceAllocations.needsNodePorts(old) && ServiceAllocations.needsNodePorts(spec)) {
            Set<Integer> oldPorts = nodePorts(old);
            oldPorts.retainAll(nodePorts(spec));
            Map<String, Integer> byName = new HashMap<>();
            old.path("ports").forEach(p -> byName.put(p.path("name").asText(""), p.path("nodePort").asInt(0)));
            for (JsonNode p : spec.path("ports")) {
                if (p instanceof ObjectNode port && port.path("nodePort").asInt(0) == 0) {
                    int was = byName.getOrDefault(port.path("name").asText(""), 0);
                    if (was != 0 && !oldPorts.contains(was)) {
                        port.put("nodePort", was);
                    }
                }
            }
        }
    }

    /** dropTypeDependentFields, for the fields this cluster has. */
    static void dropTypeDependentFields(JsonNode old, ObjectNode spec) {
        if (Objects.equals(old.path("type").asText(), spec.path("type").asText())) {
            return;
        }
        boolean toExternalName = spec.path("type").asText().equals("ExternalName") && ServiceAllocations.needsClusterIp(old);
        if (toExternalName && Objects.equals(old.get("clusterIPs"), spec.get("clusterIPs"))) {
            spec.remove("clusterIP");
            spec.remove("clusterIPs");
            spec.remove("ipFamilies");
            spec.remove("ipFamilyPolicy");
            spec.remove("internalTrafficPolicy");
        }
        if (ServiceAllocations.needsNodePorts(old) && !ServiceAllocations.needsNodePorts(spec)
                && nodePorts(old).equals(nodePorts(spec))) {
            spec.path("ports").forEach(p -> ((ObjectNode) p).remove("nodePort"));
        }
        if (ServiceAllocations.needsNodePorts(old) && !ServiceAllocations.needsNodePorts(spec)
                && Objects.equals(old.get("externalTrafficPolicy"), spec.get("externalTrafficPolicy"))) {
            spec.remove("externalTrafficPolicy");
        }
        if (old.path("type").asText().equals("LoadBalancer") && !spec.path("type").asText().equals("LoadBalancer")
                && Objects.equals(old.get("allocateLoadBalancerNodePorts"), spec.get("allocateLoadBalancerNodePorts"))) {
            spec.remove("allocateLoadBalancerNodePorts");
        }
    }

    private static Set<Integer> nodePorts(JsonNode spec) {
        Set<Integer> out = new HashSet<>();
        spec.path("ports").forEach(p -> {
            if (p.path("nodePort").asInt(0) != 0) {
                out.add(p.path("nodePort").asInt());
            }
        });
        return out;
    }
}
