package kubetutor.shell;

import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Batch mode reads a script in time linear in its length, a long here-document included. */
class BatchTest {
    @TempDir
    Path work;

    @Test
    void aLongHereDocumentIsReadOnce() {
        StringBuilder script = new StringBuilder("cat <<EOF | wc -l\n");
        for (int i = 0; i < 100_000; i++) {
            script.append("line ").append(i).append('\n');
        }
        script.append("EOF\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // a guard against reading the script again at every line (30,000 lines took 19 s), not a speed check
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            Batch batch = new Batch(new Session(new SessionOptions(1, null, work)), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(0, batch.runScript(new BufferedReader(new StringReader(script.toString()))));
        });
        assertEquals("100000\n", out.toString(StandardCharsets.UTF_8));
    }
}
