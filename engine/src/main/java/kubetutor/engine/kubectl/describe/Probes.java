package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * describe.go DescribeProbe in its 1.32 form: "exec [cat /tmp/healthy] delay=5s timeout=1s
 * period=5s #success=1 #failure=3" (kubectl 1.37 renamed the last two to successThreshold/...).
 */
final class Probes {
    private Probes() {}

    static String describe(JsonNode probe) {
        String attrs = "delay=" + probe.path("initialDelaySeconds").asInt() + "s"
                + " timeout=" + probe.path("timeoutSeconds").asInt() + "s"
                + " period=" + probe.path("periodSeconds").asInt() + "s"
                + " #success=" + probe.path("successThreshold").asInt()
                + " #failure=" + probe.path("failureThreshold").asInt();
        if (probe.has("exec")) {
            List<String> command = new ArrayList<>();
            probe.get("exec").path("command").forEach(c -> command.add(c.asText()));
            // Go's %v of a []string.
            return "exec [" + String.join(" ", command) + "] " + attrs;
        }
        if (probe.has("httpGet")) {
            JsonNode h = probe.get("httpGet");
            String host = h.path("host").asText("");
            String port = h.path("port").asText("");
            String hostPort = port.isEmpty() ? host : joinHostPort(host, port);
            String path = h.path("path").asText("");
            if (!path.isEmpty() && !path.startsWith("/") && !hostPort.isEmpty()) {
                path = "/" + path;
            }
            String scheme = h.path("scheme").asText("").toLowerCase(java.util.Locale.ROOT);
            return "http-get " + (scheme.isEmpty() ? "" : scheme + ":") + "//" + hostPort + path + " " + attrs;
        }
        if (probe.has("tcpSocket")) {
            JsonNode t = probe.get("tcpSocket");
            return "tcp-socket " + t.path("host").asText("") + ":" + t.path("port").asText("") + " " + attrs;
        }
        if (probe.has("grpc")) {
            JsonNode g = probe.get("grpc");
            return "grpc <pod>:" + g.path("port").asInt() + " " + g.path("service").asText("") + " " + attrs;
        }
        return "unknown " + attrs;
    }

    /** net.JoinHostPort: IPv6 hosts go in brackets. */
    private static String joinHostPort(String host, String port) {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
