package kubetutor.engine.network;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a Service that DNS and kube-proxy read, as the API defines them: its ClusterIP
 * ("None" for a headless Service), its ports, and its session affinity.
 */
record ServiceView(String namespace, String name, String clusterIp, List<Port> ports, boolean clientIpAffinity,
                   long affinitySeconds) {
    /** kube-proxy's default stickiness when sessionAffinityConfig says nothing: three hours. */
    static final long DEFAULT_AFFINITY_SECONDS = 10800;

    /** One entry of spec.ports; nodePort is 0 when the Service has none. */
    record Port(String name, String protocol, int port, int nodePort) {}

    static ServiceView of(JsonNode svc) {
        JsonNode spec = svc.path("spec");
        List<Port> ports = new ArrayList<>();
        for (JsonNode p : spec.path("ports")) {
            ports.add(new Port(p.path("name").asText(""), p.path("protocol").asText("TCP"), p.path("port").asInt(),
                    p.path("nodePort").asInt(0)));
        }
        long timeout = spec.path("sessionAffinityConfig").path("clientIP").path("timeoutSeconds").asLong(DEFAULT_AFFINITY_SECONDS);
        return new ServiceView(Meta.namespace(svc), Meta.name(svc), spec.path("clusterIP").asText(""), ports,
                spec.path("sessionAffinity").asText("None").equals("ClientIP"), timeout);
    }

    boolean headless() {
        return clusterIp.equals("None");
    }

    Optional<Port> tcpPort(int number) {
        return ports.stream().filter(p -> p.port() == number && p.protocol().equals("TCP")).findFirst();
    }

    Optional<Port> tcpNodePort(int number) {
        return ports.stream().filter(p -> p.nodePort() == number && p.protocol().equals("TCP")).findFirst();
    }

    String key() {
        return namespace + "/" + name;
    }
}
