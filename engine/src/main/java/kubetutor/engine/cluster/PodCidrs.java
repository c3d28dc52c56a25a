package kubetutor.engine.cluster;

/**
 * The node IPAM range allocator: each node gets the next /24 of the cluster's pod subnet
 * (kube-controller-manager's --node-cidr-mask-size 24). The kubelet hands out pod IPs within it.
 */
public record PodCidrs(long base, int prefix) {

    public static PodCidrs parse(String cidr) {
        String[] parts = cidr.split("/");
        String[] octets = parts[0].split("\\.");
        long base = 0;
        for (String o : octets) {
            base = (base << 8) | Integer.parseInt(o);
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix > 24 || octets.length != 4) {
            throw new IllegalArgumentException("pod subnet must be an IPv4 CIDR of /24 or wider: " + cidr);
        }
        return new PodCidrs(base, prefix);
    }

    /** How many /24s fit. */
    public int capacity() {
        return 1 << (24 - prefix);
    }

    /** The n-th node's /24, e.g. "10.244.1.0/24". */
    public String nodeCidr(int n) {
        return ip(base + ((long) n << 8)) + "/24";
    }

    public static String ip(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
