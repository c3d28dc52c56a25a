package kubetutor.engine.controller.daemonset;

import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The DaemonSet controller's back-off for deleting failed daemon pods (flowcontrol.Backoff, 1s
 * doubling to 15m, per DaemonSet and node): a kubelet that keeps rejecting the pod would
 * otherwise make the controller delete and create it in a hot loop.
 */
final class FailedPodBackoff {
    private static final Duration INITIAL = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofMinutes(15);

    private record Entry(Duration delay, Instant lastUpdate) {}

    private final Simulation sim;
    private final Map<String, Entry> entries = new HashMap<>();

    FailedPodBackoff(Simulation sim) {
        this.sim = sim;
    }

    /**
     * Zero when a failed pod on this node may be deleted now (and starts the next, longer back-off);
     * otherwise how long until it may.
     */
    Duration waitFor(String key) {
        Instant now = sim.now();
        Entry e = entries.get(key);
        if (e != null && now.isBefore(e.lastUpdate().plus(e.delay()))) {
            return Duration.between(now, e.lastUpdate().plus(e.delay()));
        }
        // An entry untouched for twice the maximum starts over (Backoff's hasExpired).
        boolean fresh = e == null || now.isAfter(e.lastUpdate().plus(MAX.multipliedBy(2)));
        Duration next = fresh ? INITIAL : e.delay().multipliedBy(2);
        entries.put(key, new Entry(next.compareTo(MAX) > 0 ? MAX : next, now));
        return Duration.ZERO;
    }
}
