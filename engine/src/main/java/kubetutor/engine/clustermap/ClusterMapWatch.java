package kubetutor.engine.clustermap;

import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.output.ClusterMap;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.sim.WatchWindow;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code cluster -w}: the map, then the map again each time a pod or node change alters it, so a
 * front end that can redraw in place shows one picture moving with the simulated clock (a stopped
 * node turning NotReady, its pods evicted five minutes later). It ends as {@code kubectl get -w}
 * does where nobody presses Ctrl-C (a quiet simulated minute, ten minutes at most) unless told how
 * long to watch; an eviction comes after a quiet spell of 5 minutes, hence {@code --timeout}.
 */
final class ClusterMapWatch {
    private final String namespace;
    private final Cluster cluster;
    private final Pacer pacer;
    private final Sink sink;

    ClusterMapWatch(String namespace, Cluster cluster, Pacer pacer, Sink sink) {
        this.namespace = namespace;
        this.cluster = cluster;
        this.pacer = pacer;
        this.sink = sink;
    }

    /** Watches for {@code timeout}, or with zero as a watch does; 0 when it ran its course or was stopped by Ctrl-C, as kubectl's watch. */
    int run(Duration timeout) {
        Instant start = cluster.sim().now();
        ClusterMap shown = map();
        sink.emit(new Output.ClusterMapOutput(shown, null));
        boolean[] touched = {false};
        Runnable stop = cluster.store().watch(e -> {
            if (e.resource() == ResourceTypes.POD || e.resource() == ResourceTypes.NODE) {
                touched[0] = true;
            }
        });
        try {
            WatchWindow window = timeout.isZero() ? WatchWindow.of(start, Duration.ZERO, pacer.followsWallClock())
                    : WatchWindow.exactly(start, timeout);
            Instant lastChange = start;
            while (true) {
                touched[0] = false;
                if (!pacer.runUntil(cluster.sim(), () -> touched[0], window.until(lastChange)) || !touched[0]) {
                    return 0;
                }
                // Settle the instant, so the map shows where its events led rather than the first of them.
                cluster.sim().advanceTo(cluster.sim().now());
                ClusterMap now = map();
                if (!now.equals(shown)) {
                    shown = now;
                    lastChange = cluster.sim().now();
                    sink.emit(new Output.ClusterMapOutput(now, Duration.between(start, lastChange)));
                }
            }
        } finally {
            stop.run();
        }
    }

    private ClusterMap map() {
        return ClusterMapCommand.map(namespace, cluster.store(), cluster.kubelets(), cluster.sim().now());
    }
}
