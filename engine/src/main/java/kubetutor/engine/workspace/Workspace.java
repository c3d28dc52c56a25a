package kubetutor.engine.workspace;

import java.util.Optional;

/**
 * The learner's files as commands read them ({@code kubectl apply -f FILE}): the seam between the
 * simulation and the host's disk. A live session reads the disk; a snapshot being replayed answers
 * from what the original command found, so a later edit of the file cannot change the restored cluster.
 */
@FunctionalInterface
public interface Workspace {
    /** What is at {@code name} (relative to the workspace directory, or absolute). */
    Entry look(String name);

    /**
     * Makes the directory {@code name} and those above it (kubectl cp's copy out, Go's MkdirAll);
     * the error Go gives when it cannot. A replayed snapshot writes nothing.
     */
    default Optional<String> makeDirectories(String name) {
        return Optional.empty();
    }

    /** Creates or replaces the file {@code name} with {@code text} (Go's os.Create); the error when it cannot. */
    default Optional<String> writeFile(String name, String text) {
        return Optional.empty();
    }
}
