package kubetutor.engine.controller.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.controller.PodConditions;

import java.util.OptionalInt;

/** Which of a Service's pods serve, and on which port: the rules both endpoint controllers share. */
public final class ServicePods {
    private ServicePods() {}

    /**
     * ShouldPodBeInEndpoints plus the controllers' own first checks: a pod with an IP that has not
     * finished and (unless the Service publishes not-ready addresses) is not being deleted.
     */
    public static boolean listed(JsonNode pod, boolean publishNotReady) {
        if (pod.path("status").path("podIP").asText("").isEmpty()) {
            return false;
        }
        String phase = pod.path("status").path("phase").asText("");
        if (phase.equals("Succeeded") || phase.equals("Failed")) {
            return false;
        }
        return publishNotReady || !Meta.isTerminating(pod);
    }

    public static boolean ready(JsonNode pod) {
        return PodConditions.isReady(pod);
    }

    /**
     * podutil.FindPort: a numeric targetPort is taken as it is; a named one is the container port of
     * that name and the service port's protocol, which a pod may not have (then it serves not on
     * this port).
     */
    public static OptionalInt targetPort(JsonNode pod, JsonNode servicePort) {
        JsonNode target = servicePort.path("targetPort");
        if (target.isNumber()) {
            return OptionalInt.of(target.asInt());
        }
        String protocol = servicePort.path("protocol").asText("TCP");
        for (String list : new String[] {"containers", "initContainers"}) {
            for (JsonNode c : pod.path("spec").path(list)) {
                if (list.equals("initContainers") && !c.path("restartPolicy").asText("").equals("Always")) {
                    continue;
                }
                for (JsonNode p : c.path("ports")) {
                    if (p.path("name").asText("").equals(target.asText()) && p.path("protocol").asText("TCP").equals(protocol)) {
                        return OptionalInt.of(p.path("containerPort").asInt());
                    }
                }
            }
        }
        return OptionalInt.empty();
    }

    public static boolean publishesNotReady(JsonNode svc) {
        return svc.path("spec").path("publishNotReadyAddresses").asBoolean(false);
    }

    public static boolean headless(JsonNode svc) {
        return svc.path("spec").path("clusterIP").asText("").equals("None");
    }
}
