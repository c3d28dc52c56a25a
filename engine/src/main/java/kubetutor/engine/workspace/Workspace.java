package kubetutor.engine.workspace;

/**
 * The learner's files as commands read them ({@code kubectl apply -f FILE}): the seam between the
 * simulation and the host's disk. A live session reads the disk; a snapshot being replayed answers
 * from what the original command found, so a later edit of the file cannot change the restored cluster.
 */
@FunctionalInterface
public interface Workspace {
    /** What is at {@code name} (relative to the workspace directory, or absolute). */
    Entry look(String name);
}
