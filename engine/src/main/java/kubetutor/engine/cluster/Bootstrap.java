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
 * kube-dns services; a minute later the workers join, and the DaemonSet controller gives each its
 * kube-proxy pod. Everything goes through the API server and
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
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).controlPlane()) {
                cluster.api().create(ResourceTypes.ENDPOINTS, SystemObjects.kubernetesEndpoints(nodeIp(i)));
                cluster.api().create(ResourceTypes.ENDPOINT_SLICE, SystemObjects.kubernetesEndpointSlice(nodeIp(i)));
                break;
            }
        }
        sim.advance(Duration.ofSeconds(20));
        String apiServer = null;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).controlPlane()) {
                ObjectNode node = cluster.store().get(ResourceTypes.NODE, "", nodes.get(i).name());
                for (ObjectNode pod : SystemObjects.staticPods(nodes.get(i).name(), Meta.uid(node), nodeIp(i))) {
                    cluster.api().create(ResourceTypes.POD, pod);
                }
                if (apiServer == null) {
                    apiServer = nodeIp(i);
                }
            }
        }
        if (apiServer != null) {
            controlPlaneStarted(cluster);
        }
        sim.advance(Duration.ofSeconds(40));
        if (apiServer != null) {
            kubeadmUploads(cluster, apiServer);
            cluster.api().create(ResourceTypes.DAEMON_SET, SystemObjects.kubeProxyDaemonSet());
            ObjectNode deployment = cluster.api().create(ResourceTypes.DEPLOYMENT, SystemObjects.corednsDeployment());
            cluster.api().create(ResourceTypes.REPLICA_SET, SystemObjects.corednsReplicaSet(Meta.uid(deployment)));
            cluster.api().create(ResourceTypes.SERVICE, SystemObjects.kubeDnsService());
        }
        sim.advance(Duration.ofMinutes(1));
        for (int i = 0; i < nodes.size(); i++) {
            if (!nodes.get(i).controlPlane()) {
                register(cluster, services, nodes.get(i), i, cidrs);
            }
        }
        sim.advance(Duration.ofMinutes(2));
    }

    /**
     * What the API server and kube-controller-manager write as they come up. Objects added to the
     * set-up take their uids from a stream of their own, so every object made after keeps its uid.
     */
    private static void controlPlaneStarted(Cluster cluster) {
        cluster.ids().drawingUidsFrom("kubeadm/uids/control-plane", () -> {
            for (ObjectNode cm : KubeadmConfigMaps.apiServers(cluster.sim().now())) {
                cluster.api().create(ResourceTypes.CONFIG_MAP, cm);
            }
            for (String sa : KubeadmAccounts.CONTROLLERS) {
                cluster.api().create(ResourceTypes.SERVICE_ACCOUNT, KubeadmAccounts.serviceAccount(sa));
            }
        });
    }

    /** kubeadm init's upload-config, bootstrap-token and addon phases, before the addons' workloads. */
    private static void kubeadmUploads(Cluster cluster, String apiServer) {
        String podSubnet = cluster.spec().podSubnet();
        cluster.ids().drawingUidsFrom("kubeadm/uids/init", () -> {
            for (ObjectNode cm : KubeadmConfigMaps.uploadConfig(podSubnet)) {
                cluster.api().create(ResourceTypes.CONFIG_MAP, cm);
            }
            cluster.api().create(ResourceTypes.SECRET,
                    KubeadmAccounts.bootstrapToken(cluster.rng().fork("kubeadm/token"), cluster.sim().now()));
            cluster.api().create(ResourceTypes.CONFIG_MAP, KubeadmConfigMaps.clusterInfo(apiServer));
            cluster.api().create(ResourceTypes.CONFIG_MAP, KubeadmConfigMaps.coredns());
            cluster.api().create(ResourceTypes.CONFIG_MAP, KubeadmConfigMaps.kubeProxy(apiServer, podSubnet));
            for (String sa : KubeadmAccounts.ADDONS) {
                cluster.api().create(ResourceTypes.SERVICE_ACCOUNT, KubeadmAccounts.serviceAccount(sa));
            }
        });
    }

    private static void register(Cluster cluster, Kubelet.Services services, ClusterSpec.NodeSpec n, int index,
                                 PodCidrs cidrs) {
        String cidr = cidrs.nodeCidr(index);
        String ip = nodeIp(index);
        cluster.api().create(ResourceTypes.NODE, NodeFactory.node(n, cidr, ip, cluster.sim().now(), cluster.ids()));
        Kubelet kubelet = new Kubelet(n.name(), ip, cidr, services);
        cluster.kubelets().add(kubelet);
        kubelet.createLease();
    }

    /** Node addresses of a lab network: 192.168.56.10, .11, ... (then on into the next /24s). */
    static String nodeIp(int index) {
        long base = (192L << 24) | (168L << 16) | (56L << 8) | 10;
        return PodCidrs.ip(base + index);
    }
}
