package kubetutor.engine.container;

import kubetutor.engine.kubelet.HttpResult;

import java.util.HashMap;
import java.util.Map;

/**
 * The pod network: which container listens at each pod IP and port. Nothing here opens a host
 * socket; a request is a method call on the container that listens.
 */
final class Network {
    /** Something that accepts connections on a port; HTTP ones answer a GET. */
    interface Listener {
        HttpResult get(String path, String clientIp, String userAgent);
    }

    private final Map<String, Map<Integer, Listener>> byIp = new HashMap<>();
    private ServiceNetwork services = ServiceNetwork.NONE;

    void services(ServiceNetwork services) {
        this.services = services;
    }

    ServiceNetwork services() {
        return services;
    }

    /** A connection from inside the cluster, through kube-proxy's rules, from {@code clientIp}. */
    HttpResult connect(String ip, int port, String path, String clientIp, String userAgent) {
        return deliver(ip, services.route(ip, port, clientIp), port, path, clientIp, userAgent);
    }

    /** A connection from the learner's machine, outside the cluster: only node addresses are reachable. */
    HttpResult connectFromOutside(String ip, int port, String path, String clientIp, String userAgent) {
        return deliver(ip, services.routeFromOutside(ip, port), port, path, clientIp, userAgent);
    }

    private HttpResult deliver(String ip, ServiceNetwork.Route route, int port, String path, String clientIp, String userAgent) {
        if (route instanceof ServiceNetwork.Route.To to) {
            HttpResult r = get(to.ip(), to.port(), path, clientIp, userAgent);
            // The client connected to the Service address; a failure past the rewrite is reported there.
            return r.failure() == HttpResult.Failure.REFUSED ? HttpResult.refused(ip) : r;
        }
        if (route instanceof ServiceNetwork.Route.Rejected) {
            return HttpResult.refused(ip);
        }
        if (route instanceof ServiceNetwork.Route.Dropped) {
            return HttpResult.timedOut(ip);
        }
        return get(ip, port, path, clientIp, userAgent);
    }

    void listen(String ip, int port, Listener l) {
        byIp.computeIfAbsent(ip, k -> new HashMap<>()).put(port, l);
    }

    void close(String ip, int port, Listener l) {
        Map<Integer, Listener> ports = byIp.get(ip);
        if (ports != null && ports.get(port) == l) {
            ports.remove(port);
            if (ports.isEmpty()) {
                byIp.remove(ip);
            }
        }
    }

    boolean open(String ip, int port) {
        Map<Integer, Listener> ports = byIp.get(ip);
        return ports != null && ports.containsKey(port);
    }

    HttpResult get(String ip, int port, String path, String clientIp, String userAgent) {
        Map<Integer, Listener> ports = byIp.get(ip);
        Listener l = ports == null ? null : ports.get(port);
        if (l == null) {
            return HttpResult.refused(ip);
        }
        return l.get(path, clientIp, userAgent);
    }
}
