package kubetutor.engine.lesson;

import java.nio.file.Path;

/** What the lesson runtime needs of the session it teaches in. */
public interface LessonHost {
    /** Throws the cluster away for a fresh one, as {@code reset} does. */
    void freshCluster();

    /** Runs a setup command as if typed, without showing its output. Returns its exit status. */
    int setup(String command);

    /** What a read-only kubectl command prints on standard output (its errors are dropped). */
    String query(String command);

    Path workDir();
}
