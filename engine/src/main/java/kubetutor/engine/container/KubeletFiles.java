package kubetutor.engine.container;

/**
 * The files the kubelet (through containerd) puts into every container of a pod: /etc/hosts,
 * which it manages, and /etc/resolv.conf for the ClusterFirst DNS policy.
 */
final class KubeletFiles {
    private KubeletFiles() {}

    /** The kubelet's managed hosts file: the loopback and IPv6 names, then the pod's own address and name. */
    static String hosts(String podIp, String hostname) {
        return "# Kubernetes-managed hosts file.\n"
                + "127.0.0.1\tlocalhost\n"
                + "::1\tlocalhost ip6-localhost ip6-loopback\n"
                + "fe00::0\tip6-localnet\n"
                + "fe00::0\tip6-mcastprefix\n"
                + "fe00::1\tip6-allnodes\n"
                + "fe00::2\tip6-allrouters\n"
                + podIp + "\t" + hostname + "\n";
    }

    /**
     * ClusterFirst: the pod's namespace first in the search list, the kube-dns Service as the only
     * server, and ndots:5 so that "web.default" is tried inside the cluster before as it is.
     * containerd writes the search line first.
     */
    static String resolvConf(String namespace) {
        return "search " + namespace + ".svc.cluster.local svc.cluster.local cluster.local\n"
                + "nameserver " + ServiceNetwork.DNS_IP + "\n"
                + "options ndots:5\n";
    }
}
