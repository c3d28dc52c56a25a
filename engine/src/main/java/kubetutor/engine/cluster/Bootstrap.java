package kubetutor.engine.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubelet.Kubelet;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.util.List;

/**
 * Sets up the cluster as kubeadm leaves a lab: the four namespaces, the nodes with their /24s, the
 * control-plane static pods, kube-proxy on every node, two CoreDNS pods, and the kubernetes and
 * kube-dns services. It all happens {@link Cluster#CLUSTER_AGE} before the session starts.
 */
final class Bootstrap {
    static final String VERSION = "v1.32.4";

    private Bootstrap() {}

    static void run(Cluster cluster, Kubelet.Services services) {
        Simulation sim = cluster.sim();
        for (String ns : List.of("default", "kube-node-lease", "kube-public", "kube-system")) {
            cluster.api().create(ResourceTypes.NAMESPACE, SystemObjects.namespace(ns));
        }
        PodCidrs cidrs = PodCidrs.parse(cluster.spec().podSubnet());
        int index = 0;
        String firstControlPlane = null;
        for (ClusterSpec.NodeSpec n : cluster.spec().nodes()) {
            String cidr = cidrs.nodeCidr(index);
            String ip = nodeIp(index);
            ObjectNode node = NodeFactory.node(n, cidr, ip, sim.now(), Simulation.EPOCH.minusSeconds(17),
                    cluster.store().nextResourceVersion(), cluster.ids());
            cluster.store().insert(ResourceTypes.NODE, node);
            cluster.kubelets().add(new Kubelet(n.name(), ip, cidr, services));
            if (n.controlPlane() && firstControlPlane == null) {
                firstControlPlane = n.name();
            }
            index++;
        }
        cluster.api().create(ResourceTypes.SERVICE, SystemObjects.kubernetesService());
        sim.advance(Duration.ofSeconds(20));
        for (ClusterSpec.NodeSpec n : cluster.spec().nodes()) {
            if (n.controlPlane()) {
                ObjectNode node = cluster.store().get(ResourceTypes.NODE, "", n.name());
                for (ObjectNode pod : SystemObjects.staticPods(n.name(), Meta.uid(node), nodeIp(cluster, n.name()))) {
                    cluster.api().create(ResourceTypes.POD, pod);
                }
            }
        }
        sim.advance(Duration.ofSeconds(40));
        String dsUid = cluster.ids().uid();
        for (ClusterSpec.NodeSpec n : cluster.spec().nodes()) {
            cluster.api().create(ResourceTypes.POD, SystemObjects.kubeProxy(n.name(), dsUid));
        }
        if (firstControlPlane != null) {
            String rsUid = cluster.ids().uid();
            cluster.api().create(ResourceTypes.SERVICE, SystemObjects.kubeDnsService());
            for (int i = 0; i < 2; i++) {
                cluster.api().create(ResourceTypes.POD, SystemObjects.coredns(firstControlPlane, rsUid));
            }
        }
        sim.advance(Duration.ofMinutes(2));
    }

    private static String nodeIp(Cluster cluster, String name) {
        int i = 0;
        for (ClusterSpec.NodeSpec n : cluster.spec().nodes()) {
            if (n.name().equals(name)) {
                return nodeIp(i);
            }
            i++;
        }
        throw new IllegalArgumentException(name);
    }

    /** Node addresses of a lab network: 192.168.56.10, .11, ... (then on into the next /24s). */
    static String nodeIp(int index) {
        long base = (192L << 24) | (168L << 16) | (56L << 8) | 10;
        return PodCidrs.ip(base + index);
    }

}
