package kubetutor.engine.progress;

import java.nio.file.Path;

/**
 * A child process for {@link ProgressFileTest}: saves two progress versions in turn, for ever,
 * until the test kills it with SIGKILL.
 */
public final class SaveLoop {
    private SaveLoop() {}

    public static void main(String[] args) throws Exception {
        ProgressFile file = new ProgressFile(Path.of(args[0]));
        for (int i = 0; ; i++) {
            file.save(ProgressFileTest.version(i % 2));
            if (i == 0) {
                System.out.println("saving");
                System.out.flush();
            }
        }
    }
}
