package kubetutor.engine.container;

import kubetutor.engine.container.sh.DnsQuery;
import kubetutor.engine.container.sh.DnsReply;

import java.util.Optional;

/**
 * What the cluster makes of its API objects on the wire: the DNS server at the kube-dns address,
 * and kube-proxy's rules for Service addresses. The pod network asks it before delivering a
 * connection; it never reaches into a container.
 */
public interface ServiceNetwork {
    /** kube-dns's ClusterIP in a kubeadm cluster, which the kubelet writes into every ClusterFirst pod. */
    String DNS_IP = "10.96.0.10";

    /** The learner's machine, on the nodes' network (192.168.56.0/24) but in none of the cluster's ranges. */
    String OUTSIDE_IP = "192.168.56.1";

    /** The reply of the DNS server at {@code server}; empty when nothing answers there. */
    Optional<DnsReply> dns(String server, DnsQuery query);

    /** Where a connection from inside the cluster (a pod or a node) to {@code ip:port} goes. */
    Route route(String ip, int port, String clientIp);

    /** Where a connection from outside the cluster (the learner's machine) to {@code ip:port} goes. */
    Route routeFromOutside(String ip, int port);

    /** What a connection meets on its way. */
    sealed interface Route {
        /** No rule applies: the packet goes to the address as it is. */
        record Direct() implements Route {}

        /** A Service rule rewrote the destination to one endpoint. */
        record To(String ip, int port) implements Route {}

        /** A Service with no ready endpoint: kube-proxy rejects, so the client sees "refused". */
        record Rejected() implements Route {}

        /** Nothing answers for this address and port: the client waits until it times out. */
        record Dropped() implements Route {}
    }

    /** A pod network without Services: no DNS server, no rules. */
    ServiceNetwork NONE = new ServiceNetwork() {
        @Override
        public Optional<DnsReply> dns(String server, DnsQuery query) {
            return Optional.empty();
        }

        @Override
        public Route route(String ip, int port, String clientIp) {
            return new Route.Direct();
        }

        @Override
        public Route routeFromOutside(String ip, int port) {
            return new Route.Direct();
        }
    };
}
