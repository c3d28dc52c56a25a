package kubetutor.engine.network;

import kubetutor.engine.api.ApiStore;
import kubetutor.engine.container.ServiceNetwork;
import kubetutor.engine.container.sh.DnsQuery;
import kubetutor.engine.container.sh.DnsReply;
import kubetutor.engine.sim.Rng;
import kubetutor.engine.sim.Simulation;

import java.util.Optional;

/** The cluster's DNS server at the kube-dns address and kube-proxy's rules, over the API objects. */
public final class ClusterNetwork implements ServiceNetwork {
    private final ClusterDns dns;
    private final KubeProxy proxy;

    public ClusterNetwork(ApiStore store, Rng rng, Simulation sim) {
        ReadyEndpoints endpoints = new ReadyEndpoints(store);
        this.dns = new ClusterDns(store, endpoints);
        this.proxy = new KubeProxy(store, endpoints, rng, sim);
    }

    @Override
    public Optional<DnsReply> dns(String server, DnsQuery query) {
        return server.equals(DNS_IP) ? Optional.of(dns.answer(query)) : Optional.empty();
    }

    @Override
    public Route route(String ip, int port, String clientIp) {
        return proxy.route(ip, port, clientIp);
    }

    @Override
    public Route routeFromOutside(String ip, int port) {
        return proxy.routeFromOutside(ip, port, OUTSIDE_IP);
    }
}
