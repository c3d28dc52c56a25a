package kubetutor.engine.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.Quantities;
import kubetutor.engine.kubelet.NodeConditions;
import kubetutor.engine.sim.Ids;

import java.time.Instant;

/** Node objects as a kubeadm node's kubelet registers them (labels, taints, capacity, conditions). */
final class NodeFactory {
    static final String KUBELET_VERSION = "v1.32.4";
    static final String TAINT_CONTROL_PLANE = "node-role.kubernetes.io/control-plane";

    private NodeFactory() {}

    static ObjectNode node(ClusterSpec.NodeSpec spec, String podCidr, String internalIp, Instant created, Ids ids) {
        ObjectNode node = Meta.JSON.objectNode();
        node.put("apiVersion", "v1");
        node.put("kind", "Node");
        ObjectNode meta = node.putObject("metadata");
        meta.put("name", spec.name());
        ObjectNode labels = meta.putObject("labels");
        labels.put("beta.kubernetes.io/arch", "amd64");
        labels.put("beta.kubernetes.io/os", "linux");
        labels.put("kubernetes.io/arch", "amd64");
        labels.put("kubernetes.io/hostname", spec.name());
        labels.put("kubernetes.io/os", "linux");
        if (spec.controlPlane()) {
            labels.put(TAINT_CONTROL_PLANE, "");
            labels.put("node.kubernetes.io/exclude-from-external-load-balancers", "");
        }
        ObjectNode ann = meta.putObject("annotations");
        ann.put("kubeadm.alpha.kubernetes.io/cri-socket", "unix:///var/run/containerd/containerd.sock");
        ann.put("node.alpha.kubernetes.io/ttl", "0");
        ann.put("volumes.kubernetes.io/controller-managed-attach-detach", "true");

        ObjectNode nodeSpec = node.putObject("spec");
        nodeSpec.put("podCIDR", podCidr);
        nodeSpec.putArray("podCIDRs").add(podCidr);
        if (spec.controlPlane()) {
            ObjectNode taint = nodeSpec.putArray("taints").addObject();
            taint.put("effect", "NoSchedule");
            taint.put("key", TAINT_CONTROL_PLANE);
        }

        ObjectNode status = node.putObject("status");
        ArrayNode addresses = status.putArray("addresses");
        addresses.addObject().put("address", internalIp).put("type", "InternalIP");
        addresses.addObject().put("address", spec.name()).put("type", "Hostname");
        long memKi = Quantities.parseBytes(spec.memory()) / 1024;
        ObjectNode allocatable = status.putObject("allocatable");
        allocatable.put("cpu", Integer.toString(spec.cpu()));
        allocatable.put("ephemeral-storage", "36496716122");
        allocatable.put("hugepages-1Gi", "0");
        allocatable.put("hugepages-2Mi", "0");
        allocatable.put("memory", (memKi - 102400) + "Ki");
        allocatable.put("pods", "110");
        ObjectNode capacity = status.putObject("capacity");
        capacity.put("cpu", Integer.toString(spec.cpu()));
        capacity.put("ephemeral-storage", "39601264Ki");
        capacity.put("hugepages-1Gi", "0");
        capacity.put("hugepages-2Mi", "0");
        capacity.put("memory", memKi + "Ki");
        capacity.put("pods", "110");
        ArrayNode conditions = status.putArray("conditions");
        for (NodeConditions.Healthy h : NodeConditions.HEALTHY) {
            // The kubelet reported Ready once its network plugin was up, half a minute after registering.
            Instant transition = h.type().equals("Ready") ? created.plusSeconds(30) : created;
            conditions.addObject().put("lastHeartbeatTime", Meta.timestamp(created))
                    .put("lastTransitionTime", Meta.timestamp(transition)).put("message", h.message())
                    .put("reason", h.reason()).put("status", h.status()).put("type", h.type());
        }
        status.putObject("daemonEndpoints").putObject("kubeletEndpoint").put("Port", 10250);
        ObjectNode info = status.putObject("nodeInfo");
        info.put("architecture", "amd64");
        info.put("bootID", ids.uid());
        info.put("containerRuntimeVersion", "containerd://1.7.24");
        info.put("kernelVersion", "5.15.0-126-generic");
        info.put("kubeProxyVersion", KUBELET_VERSION);
        info.put("kubeletVersion", KUBELET_VERSION);
        info.put("machineID", ids.uid().replace("-", ""));
        info.put("operatingSystem", "linux");
        info.put("osImage", "Ubuntu 22.04.5 LTS");
        info.put("systemUUID", ids.uid());
        return node;
    }
}
