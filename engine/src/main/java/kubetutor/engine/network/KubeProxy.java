package kubetutor.engine.network;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.container.ServiceNetwork.Route;
import kubetutor.engine.sim.Rng;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kube-proxy in iptables mode, as its rules behave: a connection to a ClusterIP:port, or to any
 * node's InternalIP:nodePort, goes to one ready endpoint drawn at random (each of n endpoints
 * equally likely, as the statistic-match chain gives), or sticks to the last one a client got
 * when sessionAffinity is ClientIP; a Service with no ready endpoint is rejected, and a port the
 * ClusterIP does not serve is dropped (the virtual address exists nowhere else).
 */
final class KubeProxy {
    private record Sticky(ReadyEndpoints.Target target, Instant lastUsed) {}

    private final ApiStore store;
    private final ReadyEndpoints endpoints;
    private final Rng rng;
    private final Simulation sim;
    private final Map<String, Sticky> affinity = new HashMap<>();

    KubeProxy(ApiStore store, ReadyEndpoints endpoints, Rng rng, Simulation sim) {
        this.store = store;
        this.endpoints = endpoints;
        this.rng = rng;
        this.sim = sim;
    }

    Route route(String ip, int port, String clientIp) {
        Optional<ServiceView> byClusterIp = Services.byClusterIp(store, ip);
        if (byClusterIp.isPresent()) {
            ServiceView svc = byClusterIp.get();
            return svc.tcpPort(port).map(p -> balance(svc, p, clientIp)).orElseGet(Route.Dropped::new);
        }
        if (isNodeIp(ip)) {
            return nodePort(port, clientIp);
        }
        return new Route.Direct();
    }

    /** From outside only the nodes are on the learner's network: pod and Service addresses lead nowhere. */
    Route routeFromOutside(String ip, int port, String clientIp) {
        return isNodeIp(ip) ? nodePort(port, clientIp) : new Route.Dropped();
    }

    private Route nodePort(int port, String clientIp) {
        for (ServiceView svc : Services.all(store)) {
            Optional<ServiceView.Port> p = svc.tcpNodePort(port);
            if (p.isPresent()) {
                return balance(svc, p.get(), clientIp);
            }
        }
        return new Route.Direct();
    }

    private Route balance(ServiceView svc, ServiceView.Port port, String clientIp) {
        List<ReadyEndpoints.Target> targets = endpoints.of(svc.namespace(), svc.name(), port.name());
        if (targets.isEmpty()) {
            return new Route.Rejected();
        }
        ReadyEndpoints.Target chosen;
        if (svc.clientIpAffinity()) {
            String key = svc.key() + ":" + port.port() + "/" + clientIp;
            Sticky s = affinity.get(key);
            Instant now = sim.now();
            boolean fresh = s != null && targets.contains(s.target())
                    && Duration.between(s.lastUsed(), now).getSeconds() < svc.affinitySeconds();
            chosen = fresh ? s.target() : targets.get(rng.nextInt(targets.size()));
            affinity.put(key, new Sticky(chosen, now));
        } else {
            chosen = targets.get(rng.nextInt(targets.size()));
        }
        return new Route.To(chosen.ip(), chosen.port());
    }

    private boolean isNodeIp(String ip) {
        for (JsonNode node : store.list(ResourceTypes.NODE, null)) {
            for (JsonNode a : node.path("status").path("addresses")) {
                if (a.path("type").asText().equals("InternalIP") && a.path("address").asText().equals(ip)) {
                    return true;
                }
            }
        }
        return false;
    }
}
