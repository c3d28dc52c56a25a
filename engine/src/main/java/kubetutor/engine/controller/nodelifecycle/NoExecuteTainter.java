package kubetutor.engine.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The NoExecute tainting of a zone (a RateLimitedTimedQueue that doNoExecuteTaintingPass tries
 * every 100ms): a node found not ready or unreachable is queued, and each pass taints queued nodes
 * (not-ready or unreachable NoExecute, the other one taken off) while the limiter has a token.
 * The limiter is a token bucket of one, refilled at --node-eviction-rate (0.1 per second) while the
 * zone is healthy: a mass failure taints, and so evicts, one node per 10 seconds. Passes are only
 * scheduled while something waits.
 */
final class NoExecuteTainter {
    static final Duration PASS_PERIOD = Duration.ofMillis(100);

    private final ApiServer api;
    private final Simulation sim;
    private final Instant grid;
    private final LinkedHashSet<String> queue = new LinkedHashSet<>();
    /** Nodes tainted and not called off since: queuing them again does nothing (UniqueQueue's set). */
    private final Set<String> done = new HashSet<>();
    private double qps;
    private double tokens;
    private Instant refilled;
    private Simulation.Scheduled nextPass;

    /** @param grid an instant of the 100ms pass loop (the controller's start) */
    NoExecuteTainter(ApiServer api, Simulation sim, Instant grid) {
        this.api = api;
        this.sim = sim;
        this.grid = grid;
        this.refilled = grid;
    }

    /** Queues a node to be tainted, unless it waits already or was tainted since it was last called off. */
    void add(String node) {
        if (!done.contains(node) && queue.add(node)) {
            schedulePass();
        }
    }

    /** The node is ready again, lost its taint, or is gone: forgotten, so that it may be queued again. */
    void remove(String node) {
        queue.remove(node);
        done.remove(node);
    }

    /** SwapLimiter: a new bucket (full) at another rate; zero stops tainting. */
    void setQps(double newQps) {
        if (newQps == qps) {
            return;
        }
        qps = newQps;
        tokens = qps > 0 ? 1 : 0;
        refilled = sim.now();
        if (nextPass != null) {
            nextPass.cancel();
            nextPass = null;
        }
        schedulePass();
    }

    private void pass() {
        nextPass = null;
        while (!queue.isEmpty() && tryAccept()) {
            String name = queue.iterator().next();
            queue.remove(name);
            done.add(name);
            taint(name);
        }
        schedulePass();
    }

    private void taint(String name) {
        JsonNode node = api.store().get(ResourceTypes.NODE, "", name);
        JsonNode ready = node == null ? null : NodeHealth.condition(node, "Ready");
        if (ready == null) {
            return;
        }
        // Not ready and unreachable are exclusive, as the Ready condition's False and Unknown are.
        switch (ready.path("status").asText()) {
            case "False" -> NodeTaints.swap(api, node, List.of(NodeTaints.NOT_READY_NO_EXECUTE),
                    List.of(NodeTaints.UNREACHABLE_NO_EXECUTE), sim.now());
            case "Unknown" -> NodeTaints.swap(api, node, List.of(NodeTaints.UNREACHABLE_NO_EXECUTE),
                    List.of(NodeTaints.NOT_READY_NO_EXECUTE), sim.now());
            default -> { }
        }
    }

    private boolean tryAccept() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private void refill() {
        Instant now = sim.now();
        tokens = Math.min(1, tokens + qps * Duration.between(refilled, now).toNanos() / 1e9);
        refilled = now;
    }

    /** The next pass of the 100ms loop that will find a token, if anything waits and tokens come at all. */
    private void schedulePass() {
        if (nextPass != null || queue.isEmpty() || qps <= 0) {
            return;
        }
        refill();
        Instant earliest = sim.now().plusNanos((long) Math.ceil(Math.max(0, 1 - tokens) / qps * 1e9));
        long periods = Duration.between(grid, earliest).toNanos() / PASS_PERIOD.toNanos() + 1;
        nextPass = sim.at(grid.plus(PASS_PERIOD.multipliedBy(periods)), this::pass);
    }
}
