package kubetutor.shell;

import kubetutor.engine.fuzz.HostileCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input in batch mode, through the built jar with the launcher's heap: the regression
 * corpus as one script (the session answers each entry and goes on), and the launcher's own
 * arguments gone wrong (each one line and status 2, never a stack trace).
 */
class HostileBatchIT {
    private static final Pattern JAVA = Pattern.compile("java\\.[a-z]+\\.|\\w+Exception\\b|\\.java:\\d+|\\bat kubetutor\\."
            + "|kubetutor failed on|nests too deeply for kubetutor|needs more memory than kubetutor");
    private static final Path JAR = Path.of("target", "kubetutor-shell.jar").toAbsolutePath();

    @TempDir
    Path work;

    private record Run(int status, String out, String err) {}

    private Run kubetutor(String... args) throws IOException, InterruptedException {
        assertTrue(Files.exists(JAR), "build the jar first (mvn package): " + JAR);
        List<String> cmd = new ArrayList<>(List.of("java", "-XX:+UseSerialGC", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
                JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = work.resolve("stdout");
        Path err = work.resolve("stderr");
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "batch mode ended");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void theCorpusIsAnsweredEntryAfterEntry() throws Exception {
        StringBuilder script = new StringBuilder();
        for (HostileCorpus.Entry e : HostileCorpus.load()) {
            e.writeFiles(work);
            script.append(e.script());
        }
        Files.writeString(work.resolve("corpus.sh"), script);
        Run r = kubetutor("run", "corpus.sh");
        String all = r.out() + r.err();
        assertFalse(JAVA.matcher(all).find(), all);
        assertTrue(r.out().strip().endsWith("worker2   Ready    <none>          2d1h   v1.32.4"), r.out());
    }

    @Test
    void theLaunchersArgumentsGoneWrongAreOneLine() throws Exception {
        assertEquals(new Run(2, "", "kubetutor: --seed: invalid number 'abc' (a whole number from -9223372036854775808 to"
                + " 9223372036854775807)\n"), kubetutor("--seed=abc", "-c", "kubectl get nodes"));
        assertEquals(new Run(2, "", "kubetutor: --seed: invalid number '99999999999999999999' (a whole number from"
                + " -9223372036854775808 to 9223372036854775807)\n"), kubetutor("--seed", "99999999999999999999", "-c", "true"));
        assertEquals(new Run(2, "", "kubetutor: --seed needs a value\n"), kubetutor("--seed"));
        assertEquals(new Run(2, "", "kubetutor: /: Is a directory\n"), kubetutor("run", "/"));
        assertEquals(new Run(2, "", "kubetutor: nosuch.sh: No such file or directory\n"), kubetutor("run", "nosuch.sh"));
        Files.write(work.resolve("latin1.sh"), new byte[] {'e', 'c', 'h', 'o', ' ', (byte) 0xe9, '\n', 'p', 'w', 'd', '\n'});
        assertEquals(new Run(0, "\uFFFD\n/\n", ""), kubetutor("run", "latin1.sh"));
        Files.writeString(work.resolve("cluster.yaml"), "podSubnet: 10.999.0.0/99\nnodes: [{name: a}]\n");
        assertEquals(new Run(2, "", "kubetutor: cannot read the cluster file: podSubnet 10.999.0.0/99 is not an IPv4 CIDR"
                + " of /24 or wider\n"), kubetutor("--cluster", "cluster.yaml", "-c", "kubectl get nodes"));
    }
}
