package kubetutor.engine.transcript;

import kubetutor.engine.command.ScriptReader;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every transcript in {@code src/test/resources/transcripts}: lines starting with "$ " are
 * typed into a fresh session (seed 1), everything up to the next "$ " is exactly what must come
 * out (standard output and standard error, in order). {@code -Dtranscripts.update=true} rewrites
 * the expectations from what the session prints: on purpose only, and reviewed in the diff.
 */
class TranscriptTest {
    @TempDir
    Path work;

    record Step(String command, String expected) {}

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/transcripts").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private void run(Path file) throws IOException {
        List<Step> steps = parse(Files.readString(file));
        Path ws = Files.createTempDirectory(work, "ws");
        Session session = new Session(new SessionOptions(1, null, ws));
        StringBuilder actualAll = new StringBuilder();
        StringBuilder expectedAll = new StringBuilder();
        for (Step step : steps) {
            StringBuilder out = new StringBuilder();
            session.execute(step.command(), o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
            // The format cannot hold output that runs into the next prompt (jsonpath prints no newline):
            // written out, it would be read back as part of the next command.
            assertTrue(out.isEmpty() || out.charAt(out.length() - 1) == '\n', file.getFileName() + ": the output of '"
                    + step.command() + "' does not end with a newline; end the command with '; echo'");
            actualAll.append("$ ").append(step.command()).append('\n').append(out);
            expectedAll.append("$ ").append(step.command()).append('\n').append(step.expected());
        }
        if (Boolean.getBoolean("transcripts.update")) {
            Path source = Path.of("src/test/resources/transcripts").resolve(file.getFileName());
            Files.writeString(source, actualAll.toString());
            return;
        }
        assertEquals(expectedAll.toString(), actualAll.toString(), file.getFileName().toString());
    }

    static List<Step> parse(String text) {
        List<Step> steps = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("$ ")) {
                i++;
                continue;
            }
            StringBuilder command = new StringBuilder(lines[i].substring(2));
            i++;
            while (ScriptReader.check(command.toString()) == ScriptReader.Completeness.INCOMPLETE && i < lines.length) {
                command.append('\n').append(lines[i++]);
            }
            StringBuilder expected = new StringBuilder();
            while (i < lines.length && !lines[i].startsWith("$ ")) {
                if (i == lines.length - 1 && lines[i].isEmpty()) {
                    i++;
                    break;
                }
                expected.append(lines[i]).append('\n');
                i++;
            }
            steps.add(new Step(command.toString(), expected.toString()));
        }
        return steps;
    }
}
