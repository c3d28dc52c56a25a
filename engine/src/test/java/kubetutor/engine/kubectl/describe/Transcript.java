package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/** A fresh lab session that tests drive like a terminal: create objects, let time pass, run commands. */
final class Transcript {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final Session session;

    Transcript() {
        try {
            session = new Session(SessionOptions.defaults(Path.of(".")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Transcript createPod(String yaml) {
        try {
            ObjectNode pod = (ObjectNode) YAML.readTree(yaml);
            if (!pod.path("metadata").has("namespace")) {
                ((ObjectNode) pod.get("metadata")).put("namespace", "default");
            }
            session.cluster().api().create(ResourceTypes.POD, pod);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Transcript sleep(int seconds) {
        session.advance(Duration.ofSeconds(seconds));
        return this;
    }

    /**
     * Asserts {@code actual} equals {@code expected}, where {@code [..]} in {@code expected} stands
     * for any text within one line (generated ids and hashes).
     */
    static void assertMatches(String expected, String actual) {
        StringBuilder regex = new StringBuilder();
        String[] parts = expected.split("\\[\\.\\.\\]", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(java.util.regex.Pattern.quote(parts[i]));
            if (i < parts.length - 1) {
                regex.append("[^\n]*");
            }
        }
        if (!java.util.regex.Pattern.compile(regex.toString()).matcher(actual).matches()) {
            org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
        }
    }

    /** What the command prints: standard output, then standard error as "[stderr] " lines. */
    String run(String command) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        session.execute(command, o -> (o instanceof Output.Error ? err : out).append(PlainText.render(o)), Pacer.IMMEDIATE);
        StringBuilder all = new StringBuilder(out);
        for (String line : err.toString().split("\n")) {
            if (!line.isEmpty()) {
                all.append("[stderr] ").append(line).append('\n');
            }
        }
        return all.toString();
    }
}
