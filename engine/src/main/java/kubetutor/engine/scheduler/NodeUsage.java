package kubetutor.engine.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;

import java.util.HashMap;
import java.util.Map;

/** What the pods bound to each node request, kept up to date from the pod watch (the scheduler's cache). */
final class NodeUsage {
    static final class Used {
        int pods;
        long cpu;
        long memory;
    }

    private final Map<String, Used> byNode = new HashMap<>();
    private final Map<String, String> nodeOfPod = new HashMap<>();
    private final Map<String, long[]> requestsOfPod = new HashMap<>();

    Used of(String node) {
        return byNode.computeIfAbsent(node, n -> new Used());
    }

    /** A pod's latest version, or its last one when {@code gone}. */
    void observe(JsonNode pod, boolean gone) {
        String uid = Meta.uid(pod);
        String node = pod.path("spec").path("nodeName").asText("");
        String phase = pod.path("status").path("phase").asText("");
        boolean counts = !gone && !node.isEmpty()
                && !phase.equals("Succeeded") && !phase.equals("Failed");
        String before = nodeOfPod.get(uid);
        if (before != null && (!counts || !before.equals(node))) {
            long[] r = requestsOfPod.remove(uid);
            Used u = of(before);
            u.pods--;
            u.cpu -= r[0];
            u.memory -= r[1];
            nodeOfPod.remove(uid);
        }
        if (counts && !node.equals(nodeOfPod.get(uid))) {
            long[] r = Scheduler.requests(pod);
            Used u = of(node);
            u.pods++;
            u.cpu += r[0];
            u.memory += r[1];
            nodeOfPod.put(uid, node);
            requestsOfPod.put(uid, r);
        }
    }
}
