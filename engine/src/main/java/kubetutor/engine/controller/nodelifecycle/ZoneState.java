package kubetutor.engine.controller.nodelifecycle;

import java.util.List;

/**
 * How healthy a zone is (ComputeZoneState), which sets how fast its nodes are tainted: normally
 * 0.1 nodes a second; when at least 55% of more than two nodes are not ready, much slower in a
 * big zone (0.01, over 50 nodes) and not at all in a small one; when none is ready, not at all
 * either, since the fault is more likely the control plane's than the nodes'. kubetutor's nodes
 * carry no zone labels: a cluster is one zone, as a kubeadm lab is.
 */
enum ZoneState {
    INITIAL, NORMAL, PARTIAL_DISRUPTION, FULL_DISRUPTION;

    static final double EVICTION_RATE = 0.1;
    static final double SECONDARY_EVICTION_RATE = 0.01;
    static final int LARGE_CLUSTER = 50;
    static final double UNHEALTHY_THRESHOLD = 0.55;

    /** @param readyStatuses each node's Ready status, null where it has none */
    static ZoneState of(List<String> readyStatuses) {
        int ready = 0;
        int notReady = 0;
        for (String s : readyStatuses) {
            if ("True".equals(s)) {
                ready++;
            } else {
                notReady++;
            }
        }
        if (ready == 0 && notReady > 0) {
            return FULL_DISRUPTION;
        }
        if (notReady > 2 && (double) notReady / (notReady + ready) >= UNHEALTHY_THRESHOLD) {
            return PARTIAL_DISRUPTION;
        }
        return NORMAL;
    }

    /** The tainting rate in this state (setLimiterInZone). */
    double rate(int zoneSize) {
        return switch (this) {
            case PARTIAL_DISRUPTION -> zoneSize > LARGE_CLUSTER ? SECONDARY_EVICTION_RATE : 0;
            default -> EVICTION_RATE;
        };
    }
}
