package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** kubectl 1.32 describe node (describe.go describeNode). */
final class NodeDescriber implements Describer {
    @Override
    public ResourceType type() {
        return ResourceTypes.NODE;
    }

    @Override
    public String describe(JsonNode node, DescribeContext ctx) {
        DescribeWriter w = new DescribeWriter();
        JsonNode spec = node.path("spec");
        JsonNode status = node.path("status");
        w.field(0, "Name", Meta.name(node));
        List<String> roles = roles(Meta.labels(node));
        w.field(0, "Roles", roles.isEmpty() ? "<none>" : String.join(",", roles));
        Fields.labels(w, "Labels", Meta.labels(node));
        Fields.annotations(w, Meta.annotations(node));
        w.field(0, "CreationTimestamp", Fields.time(Meta.creationTime(node)));
        Fields.taints(w, spec.path("taints"));
        w.field(0, "Unschedulable", spec.path("unschedulable").asBoolean(false));
        lease(w, node, ctx);
        JsonNode conditions = status.path("conditions");
        if (!conditions.isEmpty()) {
            w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
            w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
            for (JsonNode c : conditions) {
                w.write(1, c.path("type").asText("") + " \t" + c.path("status").asText("") + " \t"
                        + Fields.time(c.get("lastHeartbeatTime")) + " \t" + Fields.time(c.get("lastTransitionTime")) + " \t"
                        + c.path("reason").asText("") + " \t" + c.path("message").asText("") + "\n");
            }
        }
        w.write(0, "Addresses:\n");
        for (JsonNode a : status.path("addresses")) {
            w.field(1, a.path("type").asText(""), a.path("address").asText(""));
        }
        resourceList(w, "Capacity", status.path("capacity"));
        resourceList(w, "Allocatable", status.path("allocatable"));
        JsonNode info = status.path("nodeInfo");
        w.write(0, "System Info:\n");
        w.field(1, "Machine ID", info.path("machineID").asText(""));
        w.field(1, "System UUID", info.path("systemUUID").asText(""));
        w.field(1, "Boot ID", info.path("bootID").asText(""));
        w.field(1, "Kernel Version", info.path("kernelVersion").asText(""));
        w.field(1, "OS Image", info.path("osImage").asText(""));
        w.field(1, "Operating System", info.path("operatingSystem").asText(""));
        w.field(1, "Architecture", info.path("architecture").asText(""));
        w.field(1, "Container Runtime Version", info.path("containerRuntimeVersion").asText(""));
        w.field(1, "Kubelet Version", info.path("kubeletVersion").asText(""));
        w.field(1, "Kube-Proxy Version", info.path("kubeProxyVersion").asText(""));
        if (!spec.path("podCIDR").asText("").isEmpty()) {
            w.field(0, "PodCIDR", spec.get("podCIDR").asText());
        }
        if (!spec.path("podCIDRs").isEmpty()) {
            StringBuilder cidrs = new StringBuilder();
            for (JsonNode c : spec.get("podCIDRs")) {
                cidrs.append(cidrs.length() == 0 ? "" : ",").append(c.asText());
            }
            w.field(0, "PodCIDRs", cidrs);
        }
        if (!spec.path("providerID").asText("").isEmpty()) {
            w.field(0, "ProviderID", spec.get("providerID").asText());
        }
        NodeResources.write(w, node, ctx);
        if (ctx.showEvents()) {
            EventsSection.write(w, EventsSection.aboutClusterObject(ctx, "Node", Meta.name(node)), ctx.now());
        }
        return w.text();
    }

    /** findNodeRoles: node-role.kubernetes.io/ROLE labels and kubernetes.io/role, sorted and unique. */
    static List<String> roles(Map<String, String> labels) {
        TreeSet<String> roles = new TreeSet<>();
        labels.forEach((k, v) -> {
            if (k.startsWith("node-role.kubernetes.io/")) {
                String role = k.substring("node-role.kubernetes.io/".length());
                if (!role.isEmpty()) {
                    roles.add(role);
                }
            } else if (k.equals("kubernetes.io/role") && !v.isEmpty()) {
                roles.add(v);
            }
        });
        return List.copyOf(roles);
    }

    /** describeNodeLease: the node's Lease in kube-node-lease, which its kubelet renews. */
    private static void lease(DescribeWriter w, JsonNode node, DescribeContext ctx) {
        JsonNode lease = ctx.store().get(ResourceTypes.LEASE, "kube-node-lease", Meta.name(node));
        if (lease == null) {
            w.write(0, "Lease:              Failed to get lease: " + ResourceTypes.LEASE.qualifiedPlural() + " \""
                    + Meta.name(node) + "\" not found\n");
            return;
        }
        JsonNode spec = lease.path("spec");
        w.write(0, "Lease:\n");
        w.field(1, "HolderIdentity", spec.path("holderIdentity").asText("<unset>"));
        w.field(1, "AcquireTime", spec.hasNonNull("acquireTime") ? Fields.time(Meta.parseTime(spec.get("acquireTime"))) : "<unset>");
        w.field(1, "RenewTime", spec.hasNonNull("renewTime") ? Fields.time(Meta.parseTime(spec.get("renewTime"))) : "<unset>");
    }

    private static void resourceList(DescribeWriter w, String title, JsonNode list) {
        if (list.isEmpty()) {
            return;
        }
        w.write(0, title + ":\n");
        new TreeMap<>(Meta.stringMap(list)).forEach((name, value) ->
                w.write(0, "  " + name + ":\t" + Quantity.parse(value) + "\n"));
    }
}
