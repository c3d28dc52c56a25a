package kubetutor.engine.session;

import java.nio.file.Path;

/**
 * How a session starts.
 *
 * @param seed        the generator's seed: same seed, same commands, same output
 * @param clusterFile a cluster shape file ({@code --cluster FILE}), or null for the default lab
 * @param workDir     the workspace directory that {@code -f FILE}, {@code ls}, {@code cat} resolve against
 */
public record SessionOptions(long seed, Path clusterFile, Path workDir) {
    public static final long DEFAULT_SEED = 1;

    public static SessionOptions defaults(Path workDir) {
        return new SessionOptions(DEFAULT_SEED, null, workDir);
    }
}
