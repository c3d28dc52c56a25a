package kubetutor.engine.controller;

import kubetutor.engine.api.ApiException;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A controller's queue of keys (client-go's rate-limited workqueue) on the simulated clock. A key
 * added twice before its turn is synced once; keys run in the order they came, a moment after the
 * change that added them (never inside the writer's call); a sync that fails with an API error is
 * tried again after an exponential back-off (5ms doubling, at most 1000s), as the default
 * controller rate limiter does.
 */
public final class WorkQueue<K> {
    private static final Duration BASE_DELAY = Duration.ofMillis(5);
    private static final Duration MAX_DELAY = Duration.ofSeconds(1000);
    /**
     * Syncs of one key at one instant after which it waits a second: a controller that keeps
     * re-queueing itself would otherwise hold the clock still for ever.
     */
    private static final int MAX_SYNCS_PER_INSTANT = 50;

    private final Simulation sim;
    private final Consumer<K> sync;
    private final Set<K> dirty = new LinkedHashSet<>();
    private final Map<K, Simulation.Scheduled> waiting = new HashMap<>();
    private final Map<K, Integer> failures = new HashMap<>();
    private final Map<K, Integer> syncsNow = new HashMap<>();
    private final Map<K, Instant> heldUntil = new HashMap<>();
    private Instant syncsAt;
    private boolean drainPending;

    /** @param sync reconciles one key; it reads the object fresh from the store, never from the event */
    public WorkQueue(Simulation sim, Consumer<K> sync) {
        this.sim = sim;
        this.sync = sync;
    }

    public void add(K key) {
        if (dirty.add(key) && !drainPending) {
            drainPending = true;
            sim.after(Duration.ZERO, this::drain);
        }
    }

    /** Adds {@code key} once {@code delay} has passed (a controller waiting for minReadySeconds, a grace period). */
    public void addAfter(K key, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            add(key);
            return;
        }
        Instant when = sim.now().plus(delay);
        Simulation.Scheduled earlier = waiting.get(key);
        if (earlier != null && !earlier.when().isAfter(when)) {
            return;
        }
        if (earlier != null) {
            earlier.cancel();
        }
        waiting.put(key, sim.at(when, () -> {
            waiting.remove(key);
            add(key);
        }));
    }

    private void drain() {
        drainPending = false;
        List<K> batch = new ArrayList<>(dirty);
        dirty.clear();
        if (!sim.now().equals(syncsAt)) {
            syncsAt = sim.now();
            syncsNow.clear();
        }
        for (K key : batch) {
            Instant held = heldUntil.get(key);
            if (held != null && held.isAfter(sim.now())) {
                addAfter(key, Duration.between(sim.now(), held));
                continue;
            }
            heldUntil.remove(key);
            if (syncsNow.merge(key, 1, Integer::sum) > MAX_SYNCS_PER_INSTANT) {
                addAfter(key, Duration.ofSeconds(1));
                continue;
            }
            try {
                sync.accept(key);
                failures.remove(key);
            } catch (ApiException e) {
                int n = failures.merge(key, 1, Integer::sum);
                addAfter(key, backOff(n));
            }
        }
    }

    /**
     * The next sync of {@code key} comes no sooner than {@code busy} from now: a sync that had a lot
     * to read took that long, and what changed meanwhile is seen by one sync, not one each.
     */
    public void hold(K key, Duration busy) {
        heldUntil.put(key, sim.now().plus(busy));
    }

    private static Duration backOff(int failures) {
        Duration d = BASE_DELAY.multipliedBy(1L << Math.min(failures - 1, 30));
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }
}
