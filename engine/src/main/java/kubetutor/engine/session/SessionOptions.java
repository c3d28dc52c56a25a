package kubetutor.engine.session;

import kubetutor.engine.sim.Simulation;

import java.nio.file.Path;
import java.time.Instant;

/**
 * How a session starts.
 *
 * @param seed        the generator's seed: same seed, same commands, same output
 * @param clusterFile a cluster shape file ({@code --cluster FILE}), or null for the default lab
 * @param workDir     the workspace directory that {@code -f FILE}, {@code ls}, {@code cat} resolve against
 * @param epoch       the simulated date the session starts at (see {@link kubetutor.engine.cluster.Cluster})
 */
public record SessionOptions(long seed, Path clusterFile, Path workDir, Instant epoch) {
    public static final long DEFAULT_SEED = 1;

    public SessionOptions(long seed, Path clusterFile, Path workDir) {
        this(seed, clusterFile, workDir, Simulation.EPOCH);
    }

    public static SessionOptions defaults(Path workDir) {
        return new SessionOptions(DEFAULT_SEED, null, workDir);
    }
}
