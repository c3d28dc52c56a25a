package kubetutor.shell;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The scripts {@code kubectl completion zsh|fish} prints complete the real kubectl 1.32 in the real
 * shells: they speak cobra's "__complete" protocol, which kubectl answers without a server for its
 * commands, flags and flag values. zsh's completion widgets need a terminal, so there the calls the
 * script makes to zsh's completion system are stubbed to print what they are given.
 */
class CompletionScriptsIT {
    @TempDir
    Path dir;

    @BeforeEach
    void tools() {
        for (String tool : List.of("kubectl", "zsh", "fish")) {
            // .ci/run installs zsh and fish: in CI a missing one is a failure (kubectl comes from no
            // registry .ci/run can reach, so without it this skips, as the apiserver's real-kubectl tests do)
            if (System.getenv("CI") != null && !tool.equals("kubectl")) {
                assertTrue(onPath(tool), tool + " is not installed, and CI needs it for this test");
            }
            assumeTrue(onPath(tool), tool + " is not installed here");
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private Path script(String shell) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/kubetutor/completion/" + shell + ".sh")) {
            Path file = dir.resolve("kubectl." + shell);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    private String run(String... command) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("config"), "");
        Files.writeString(dir.resolve("pod.yaml"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("KUBECONFIG", dir.resolve("config").toString());
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "hung");
        return out;
    }

    @Test
    void fishCompletesCommandsFlagsAndFiles() throws Exception {
        Path script = script("fish");
        assertEquals("rollout\tManage the rollout of a resource\n", run("fish", "-N", "-c", "source " + script + "; complete -C 'kubectl rol'"));
        assertEquals("json\njsonpath\njsonpath-as-json\njsonpath-file\n",
                run("fish", "-N", "-c", "source " + script + "; complete -C 'kubectl get pods -o js'"));
        assertEquals("bash\n", run("fish", "-N", "-c", "source " + script + "; complete -C 'kubectl completion b'"));
        assertEquals("pod.yaml\n", run("fish", "-N", "-c", "source " + script + "; complete -C 'kubectl apply -f p'"));
    }

    @Test
    void zshDescribesCandidatesAndFiltersFiles() throws Exception {
        String stubs = "_describe() { print -l -- \"${(@P)4}\" }; _files() { print -- \"files $*\" }; compdef() { : }; ";
        String zsh = stubs + "source " + script("zsh") + "; ";
        assertEquals("rollout:Manage the rollout of a resource\n",
                run("zsh", "-f", "-c", zsh + "words=(kubectl rol); CURRENT=2; _kubectl"));
        assertEquals("--replicas:The new desired number of replicas. Required.\n",
                run("zsh", "-f", "-c", zsh + "words=(kubectl scale --repl); CURRENT=3; _kubectl"));
        assertEquals("files -g *.(json|yaml|yml)\n", run("zsh", "-f", "-c", zsh + "words=(kubectl apply -f ''); CURRENT=4; _kubectl"));
    }
}
