package kubetutor.engine.controller.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which pods a Service's Endpoints list, and where. */
class SubsetsTest {
    private static ObjectNode service(Object targetPort) {
        ObjectNode svc = Meta.JSON.objectNode();
        svc.putObject("metadata").put("name", "web").put("namespace", "default");
        ObjectNode port = svc.putObject("spec").putArray("ports").addObject().put("name", "http").put("port", 80)
                .put("protocol", "TCP");
        if (targetPort instanceof Integer n) {
            port.put("targetPort", n);
        } else {
            port.put("targetPort", (String) targetPort);
        }
        return svc;
    }

    private static ObjectNode pod(String name, String ip, boolean ready, int httpPort) {
        ObjectNode pod = Meta.JSON.objectNode();
        pod.putObject("metadata").put("name", name).put("namespace", "default").put("uid", "uid-" + name);
        ObjectNode spec = pod.putObject("spec").put("nodeName", "worker1");
        spec.putArray("containers").addObject().put("name", "app").putArray("ports").addObject()
                .put("name", "http").put("containerPort", httpPort).put("protocol", "TCP");
        ObjectNode status = pod.putObject("status").put("phase", "Running").put("podIP", ip);
        status.putArray("conditions").addObject().put("type", "Ready").put("status", ready ? "True" : "False");
        return pod;
    }

    private static String summary(JsonNode subsets) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode s : subsets) {
            sb.append("ready=");
            s.path("addresses").forEach(a -> sb.append(a.path("ip").asText()).append(' '));
            sb.append("notReady=");
            s.path("notReadyAddresses").forEach(a -> sb.append(a.path("ip").asText()).append(' '));
            s.path("ports").forEach(p -> sb.append("port=").append(p.path("port").asInt()));
            sb.append(';');
        }
        return sb.toString();
    }

    @Test
    void readyPodsServeAndOthersWaitSortedByIpAsText() {
        JsonNode subsets = Subsets.of(service(8080), List.of(pod("a", "10.244.2.9", true, 8080),
                pod("b", "10.244.10.1", true, 8080), pod("c", "10.244.1.5", false, 8080)));
        assertEquals("ready=10.244.10.1 10.244.2.9 notReady=10.244.1.5 port=8080;", summary(subsets));
    }

    @Test
    void aNamedTargetPortIsEachPodsOwnAndPodsWithDifferentPortsSplitIntoSubsets() {
        JsonNode subsets = Subsets.of(service("http"), List.of(pod("a", "10.244.1.2", true, 8080),
                pod("b", "10.244.1.3", true, 9090)));
        assertEquals("ready=10.244.1.2 notReady=port=8080;ready=10.244.1.3 notReady=port=9090;", summary(subsets));
    }

    @Test
    void terminatingPodsAndPodsWithoutAnIpAreLeftOut() {
        ObjectNode leaving = pod("a", "10.244.1.2", true, 8080);
        Meta.metadata(leaving).put("deletionTimestamp", "2026-01-05T09:00:00Z");
        ObjectNode starting = pod("b", "", false, 8080);
        assertEquals("", summary(Subsets.of(service(8080), List.of(leaving, starting))));
    }
}
