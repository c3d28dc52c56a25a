package kubetutor.engine.lesson;

import kubetutor.engine.snapshot.Snapshot;

import java.nio.file.Path;
import java.util.Optional;

/** What the lesson runtime needs of the session it teaches in. */
public interface LessonHost {
    /** Throws the cluster away for a fresh one, as {@code reset} does. */
    void freshCluster();

    /**
     * Runs a command as if typed, without showing its output and without opening an editor (a
     * lesson's setup, or a step's solution run for the learner on resume or by the presenter).
     * Returns its exit status.
     */
    int setup(String command);

    /** What a read-only kubectl command prints on standard output (its errors are dropped). */
    String query(String command);

    Path workDir();

    /** Where a name typed in the session is on the host, inside the workspace; null outside it. */
    Path resolve(String name);

    /** The whole state now, or empty when the session has read more files than a snapshot may hold. */
    Optional<Snapshot> snapshot();

    /** Goes back to a state {@link #snapshot()} gave. Returns false (the state unchanged) when it cannot. */
    boolean restore(Snapshot snapshot);
}
