package kubetutor.engine.controller;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;

import java.time.Instant;

/** What controllers read off a pod (k8s.io/kubernetes/pkg/api/v1/pod and controller_utils). */
public final class PodConditions {
    private PodConditions() {}

    /** Not finished and not being deleted: a pod a controller counts. */
    public static boolean isActive(JsonNode pod) {
        String phase = pod.path("status").path("phase").asText("");
        return !phase.equals("Succeeded") && !phase.equals("Failed") && !Meta.isTerminating(pod);
    }

    public static boolean isReady(JsonNode pod) {
        return readySince(pod) != null;
    }

    /** When the Ready condition last turned True, or null when the pod is not ready. */
    public static Instant readySince(JsonNode pod) {
        for (JsonNode c : pod.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                if (!c.path("status").asText().equals("True")) {
                    return null;
                }
                Instant t = Meta.parseTime(c.get("lastTransitionTime"));
                return t == null ? Instant.EPOCH : t;
            }
        }
        return null;
    }

    /**
     * Ready for at least minReadySeconds (podutil.IsPodAvailable). The real check is strict, but the
     * sync that makes it comes a moment after the controller's timer; here the timer and the sync are
     * the same instant, so the boundary counts.
     */
    public static boolean isAvailable(JsonNode pod, long minReadySeconds, Instant now) {
        Instant since = readySince(pod);
        return since != null && (minReadySeconds == 0 || !since.plusSeconds(minReadySeconds).isAfter(now));
    }
}
