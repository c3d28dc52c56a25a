package kubetutor.engine.kubelet;

import java.util.HashSet;
import java.util.Set;

/**
 * The pod IPs of one node, as the CNI's host-local IPAM hands them out from the node's /24: in
 * turn from .2 (.1 is the bridge's), skipping addresses in use, wrapping after .254. An address
 * freed is not handed out again before the others have had their turn, so a pod made again (a
 * new sandbox after a reboot) gets a new address.
 */
final class HostLocalIpam {
    private final String podCidr;
    private final Set<String> inUse = new HashSet<>();
    private int next = 2;

    HostLocalIpam(String podCidr) {
        this.podCidr = podCidr;
    }

    String allocate(String nodeName) {
        for (int tries = 0; tries < 253; tries++) {
            String ip = hostIn(podCidr, next);
            next = next >= 254 ? 2 : next + 1;
            if (inUse.add(ip)) {
                return ip;
            }
        }
        throw new IllegalStateException("no pod IPs left on " + nodeName);
    }

    void release(String ip) {
        inUse.remove(ip);
    }

    /** The address {@code host} within a node's /24 ("10.244.1.0/24", 2 gives "10.244.1.2"). */
    private static String hostIn(String nodeCidr, int host) {
        String net = nodeCidr.substring(0, nodeCidr.indexOf('/'));
        return net.substring(0, net.lastIndexOf('.') + 1) + host;
    }
}
