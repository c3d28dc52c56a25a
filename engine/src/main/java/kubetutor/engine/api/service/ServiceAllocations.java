package kubetutor.engine.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Allocations;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.schema.FieldError;
import kubetutor.engine.api.schema.Validator;
import kubetutor.engine.sim.Rng;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The service registry's allocators (kube-apiserver with kubeadm's --service-cluster-ip-range
 * 10.96.0.0/12 and the default --service-node-port-range 30000-32767): a cluster IP for every
 * Service but headless and ExternalName ones, node ports for NodePort and LoadBalancer ones. What is
 * taken is read from the stored Services, as the allocators' repair loop does, so a deleted Service
 * gives its IP and ports back and a restored snapshot needs no second bookkeeping.
 */
public final class ServiceAllocations implements Allocations {
    private final ApiStore store;
    private final ClusterIps ips;
    private final NodePorts ports;

    public ServiceAllocations(ApiStore store, Rng root) {
        this.store = store;
        this.ips = new ClusterIps(Ipv4Range.SERVICES, root.fork("apiserver/service-ips"));
        this.ports = new NodePorts(NodePorts.DEFAULT_RANGE, root.fork("apiserver/node-ports"));
    }

    @Override
    public void create(ResourceType type, ObjectNode svc) {
        if (type != ResourceTypes.SERVICE) {
            return;
        }
        ObjectNode spec = spec(svc);
        List<ObjectNode> others = store.list(ResourceTypes.SERVICE, null);
        if (needsClusterIp(spec)) {
            ips.allocate(svc, spec, others);
        }
        if (needsNodePorts(spec)) {
            ports.allocate(svc, spec, others, Set.of());
        }
    }

    @Override
    public void update(ResourceType type, ObjectNode old, ObjectNode svc) {
        if (type != ResourceTypes.SERVICE) {
            return;
        }
        ObjectNode spec = spec(svc);
        JsonNode oldSpec = old.path("spec");
        TypeChange.dropTypeDependentFields(oldSpec, spec);
        TypeChange.keepAllocatedValues(oldSpec, spec);
        List<ObjectNode> others = store.list(ResourceTypes.SERVICE, null).stream()
                .filter(s -> !(Meta.namespace(s).equals(Meta.namespace(old)) && Meta.name(s).equals(Meta.name(old))))
                .toList();
        if (needsClusterIp(spec) && !needsClusterIp(oldSpec)) {
            ips.allocate(svc, spec, others);
        }
        if (needsNodePorts(spec)) {
            Set<Integer> kept = new HashSet<>();
            if (needsNodePorts(oldSpec)) {
                oldSpec.path("ports").forEach(p -> kept.add(p.path("nodePort").asInt(0)));
            }
            ports.allocate(svc, spec, others, kept);
        }
    }

    private static ObjectNode spec(ObjectNode svc) {
        return svc.get("spec") instanceof ObjectNode o ? o : svc.putObject("spec");
    }

    static boolean needsClusterIp(JsonNode spec) {
        return !spec.path("type").asText("").equals("ExternalName")
                && !spec.path("clusterIP").asText("").equals("None");
    }

    static boolean needsNodePorts(JsonNode spec) {
        String type = spec.path("type").asText("");
        return type.equals("NodePort") || type.equals("LoadBalancer");
    }

    static ApiException invalid(ObjectNode svc, FieldError error) {
        return new ApiException(ApiException.Reason.Invalid,
                Validator.message(ResourceTypes.SERVICE, Meta.name(svc), List.of(error)));
    }

    /** Go's %#v of a []string, how the API server shows spec.clusterIPs in its errors. */
    static FieldError.GoSyntax goStrings(JsonNode list) {
        StringBuilder sb = new StringBuilder("[]string{");
        for (int i = 0; i < list.size(); i++) {
            sb.append(i > 0 ? ", " : "").append('"').append(list.get(i).asText()).append('"');
        }
        return new FieldError.GoSyntax(sb.append('}').toString());
    }

    static ArrayNode strings(String... values) {
        ArrayNode a = Meta.JSON.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }
}
