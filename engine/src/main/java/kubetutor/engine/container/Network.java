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
