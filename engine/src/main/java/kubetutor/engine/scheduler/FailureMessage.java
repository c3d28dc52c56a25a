package kubetutor.engine.scheduler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The FailedScheduling message of kube-scheduler 1.32: the filter reasons counted and sorted as
 * strings, then the preemption verdict for the same nodes.
 */
final class FailureMessage {
    private FailureMessage() {}

    static String of(int nodeCount, Map<String, Integer> reasons) {
        List<String> counted = new ArrayList<>();
        int unresolvable = 0;
        int noVictims = 0;
        for (Map.Entry<String, Integer> e : reasons.entrySet()) {
            counted.add(e.getValue() + " " + e.getKey());
            if (resolvableByPreemption(e.getKey())) {
                noVictims += e.getValue();
            } else {
                unresolvable += e.getValue();
            }
        }
        Collections.sort(counted);
        List<String> preemption = new ArrayList<>();
        if (unresolvable > 0) {
            preemption.add(unresolvable + " Preemption is not helpful for scheduling");
        }
        if (noVictims > 0) {
            preemption.add(noVictims + " No preemption victims found for incoming pod");
        }
        Collections.sort(preemption);
        return "0/" + nodeCount + " nodes are available: " + String.join(", ", counted) + ". preemption: 0/"
                + nodeCount + " nodes are available: " + String.join(", ", preemption) + ".";
    }

    private static boolean resolvableByPreemption(String reason) {
        return reason.startsWith("Insufficient") || reason.equals("Too many pods");
    }
}
