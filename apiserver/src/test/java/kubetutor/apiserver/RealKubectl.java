package kubetutor.apiserver;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Whether the real kubectl these tests drive is here, and the 1.32 client they compare against. */
final class RealKubectl {
    private RealKubectl() {}

    /** Null when kubectl 1.32 is on the PATH; otherwise why the tests that need it cannot run. */
    static String problem() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && text.contains("v1.32") ? null : "kubectl is not version 1.32: " + text.trim();
        } catch (IOException | InterruptedException e) {
            return "no kubectl on the PATH";
        }
    }

    /** Skips the calling test (saying why, on stderr too) where kubectl 1.32 is not here. */
    static void requireFor(String test) {
        String problem = problem();
        if (problem != null) {
            System.err.println(test + " skipped: " + problem);
            Assumptions.abort("skipping the real kubectl tests: " + problem);
        }
    }

    /**
     * What the real kubectl prints against serve (stdout and stderr as they came), run in {@code cwd}
     * with {@code kubeconfig} and {@code home}; a hang guard of 60 s (a command waiting on a still
     * simulated clock would wait forever).
     */
    static String run(List<String> argv, Path cwd, Path home, Path kubeconfig) throws IOException, InterruptedException {
        Path output = Files.createTempFile(home, "kubectl", ".out");
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        pb.environment().put("HOME", home.toString());
        pb.directory(cwd.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "(" + String.join(" ", argv) + " did not finish in 60 s)\n";
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            Files.delete(output);
        }
    }
}
