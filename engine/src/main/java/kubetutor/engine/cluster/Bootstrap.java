package kubetutor.engine.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubelet.Kubelet;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.util.List;

/**
 * Sets up the cluster as kubeadm leaves a lab, in kubeadm's order: {@code kubeadm init} registers
 * the control plane with its static pods, the kube-proxy DaemonSet and the CoreDNS Deployment (whose
 * ReplicaSet's pods land on the control plane, the only node then), and the kubernetes and
 * kube-dns services; a minute later the workers join. Everything goes through the API server and
 * the controllers, {@link Cluster#CLUSTER_AGE} before the session starts.
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
        List<ClusterSpec.NodeSpec> nodes = cluster.spec().nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).controlPlane()) {
                register(cluster, services, nodes.get(i), i, cidrs);
            }
        }
        cluster.api().create(ResourceTypes.SERVICE, SystemObjects.kubernetesService());
        sim.advance(Duration.ofSeconds(20));
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).controlPlane()) {
                ObjectNode node = cluster.store().get(ResourceTypes.NODE, "", nodes.get(i).name());
                for (ObjectNode pod : SystemObjects.staticPods(nodes.get(i).name(), Meta.uid(node), nodeIp(i))) {
                    cluster.api().create(ResourceTypes.POD, pod);
                }
            }
        }
        sim.advance(Duration.ofSeconds(40));
        String dsUid = Meta.uid(cluster.api().create(ResourceTypes.DAEMON_SET, SystemObjects.kubeProxyDaemonSet()));
        for (ClusterSpec.NodeSpec n : nodes) {
            if (n.controlPlane()) {
                cluster.api().create(ResourceTypes.POD, SystemObjects.kubeProxy(n.name(), dsUid));
            }
        }
        if (nodes.stream().anyMatch(ClusterSpec.NodeSpec::controlPlane)) {
            ObjectNode deployment = cluster.api().create(ResourceTypes.DEPLOYMENT, SystemObjects.corednsDeployment());
            cluster.api().create(ResourceTypes.REPLICA_SET, SystemObjects.corednsReplicaSet(Meta.uid(deployment)));
            cluster.api().create(ResourceTypes.SERVICE, SystemObjects.kubeDnsService());
        }
        sim.advance(Duration.ofMinutes(1));
        for (int i = 0; i < nodes.size(); i++) {
            if (!nodes.get(i).controlPlane()) {
                register(cluster, services, nodes.get(i), i, cidrs);
                cluster.api().create(ResourceTypes.POD, SystemObjects.kubeProxy(nodes.get(i).name(), dsUid));
            }
        }
        sim.advance(Duration.ofMinutes(2));
        settleKubeProxyDaemonSet(cluster);
    }

    private static void register(Cluster cluster, Kubelet.Services services, ClusterSpec.NodeSpec n, int index,
                                 PodCidrs cidrs) {
        String cidr = cidrs.nodeCidr(index);
        String ip = nodeIp(index);
        cluster.api().create(ResourceTypes.NODE, NodeFactory.node(n, cidr, ip, cluster.sim().now(),
                Simulation.EPOCH.minusSeconds(17), cluster.ids()));
        cluster.kubelets().add(new Kubelet(n.name(), ip, cidr, services));
    }

    /**
     * The status the DaemonSet controller gave kube-proxy once its pods ran. No DaemonSet controller
     * runs yet (Bootstrap made the pods), so it is written once, from the pods; without the
     * DaemonSet the garbage collector would take its pods.
     */
    private static void settleKubeProxyDaemonSet(Cluster cluster) {
        ObjectNode ds = cluster.store().get(ResourceTypes.DAEMON_SET, "kube-system", "kube-proxy");
        if (ds == null) {
            return;
        }
        int pods = 0;
        int ready = 0;
        for (ObjectNode pod : cluster.store().list(ResourceTypes.POD, "kube-system")) {
            JsonNode owner = Meta.controllerRef(pod);
            if (owner != null && owner.path("uid").asText().equals(Meta.uid(ds))) {
                pods++;
                for (JsonNode c : pod.path("status").path("conditions")) {
                    if (c.path("type").asText().equals("Ready") && c.path("status").asText().equals("True")) {
                        ready++;
                    }
                }
            }
        }
        ObjectNode next = Meta.newVersion(ds);
        next.set("status", SystemObjects.daemonSetStatus(pods, ready));
        cluster.api().updateStatus(ResourceTypes.DAEMON_SET, next);
    }

    /** Node addresses of a lab network: 192.168.56.10, .11, ... (then on into the next /24s). */
    static String nodeIp(int index) {
        long base = (192L << 24) | (168L << 16) | (56L << 8) | 10;
        return PodCidrs.ip(base + index);
    }
}
