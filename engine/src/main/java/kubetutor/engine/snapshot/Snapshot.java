package kubetutor.engine.snapshot;

import kubetutor.engine.cluster.ClusterSpec;

import kubetutor.engine.sim.Simulation;

import java.time.Instant;
import java.util.List;

/**
 * A session's whole state, as what made it rather than what it is: the cluster shape, the seed and
 * the journal of everything that moved the state since the fresh cluster. The event queue holds
 * closures, so it cannot be written down; but the engine is deterministic, so replaying the journal
 * on a fresh cluster rebuilds the objects, the clock, the queue and the generator exactly.
 *
 * @param seed    the generator's seed
 * @param cluster the cluster's shape (nodes, pod subnet)
 * @param journal what moved the state, in order
 * @param clock   the simulated time when saved: a replay must end there
 * @param rng     the generator's state when saved: a replay must end there too (a cheap fingerprint of
 *                every random draw on the way, so a replay that drifts is caught, not trusted)
 * @param lesson  the lesson running when saved and its step, or null: load goes back to it
 */
public record Snapshot(long seed, ClusterSpec cluster, List<JournalStep> journal, Instant clock, long rng,
                       LessonPlace lesson, Instant epoch) {
    public static final String KIND = "KubetutorSnapshot";
    /** Version 3 added the streams of serve (exec, port-forward) to the journal. */
    public static final int VERSION = 3;
    /** The oldest version still read: a version 2 snapshot is a version 3 one without streams. */
    public static final int OLDEST_READ = 2;

    public Snapshot {
        journal = List.copyOf(journal);
    }

    /** A snapshot of a session that started at the simulation's own date. */
    public Snapshot(long seed, ClusterSpec cluster, List<JournalStep> journal, Instant clock, long rng, LessonPlace lesson) {
        this(seed, cluster, journal, clock, rng, lesson, Simulation.EPOCH);
    }

    /** A lesson and a step in it (counted from 0). */
    public record LessonPlace(String id, int step) {}
}
