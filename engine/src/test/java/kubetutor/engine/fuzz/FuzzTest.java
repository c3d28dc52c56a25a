package kubetutor.engine.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fuzz suite, a few seconds of it in every test run ({@code benchmarks/run fuzz} runs it for
 * longer): command lines from the session's own command table, manifests from the engine's schema,
 * and snapshots damaged or given steps of their own, each checked by {@link Probe}.
 */
class FuzzTest {
    private Path root;
    private Probe probe;
    private FuzzInputs inputs;

    @BeforeProperty
    void start() throws IOException {
        root = Files.createTempDirectory("kubetutor-fuzz");
        probe = new Probe(root, Probe.SETUP);
        inputs = new FuzzInputs(probe);
    }

    @AfterProperty
    void clean() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<List<String>> sessions() {
        return inputs.commandLines().list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<String> manifests() {
        return inputs.manifests();
    }

    @Provide
    Arbitrary<String> snapshots() {
        return inputs.snapshots();
    }

    @Property(tries = 40)
    void commandLinesNeverEscape(@ForAll("sessions") List<String> lines) {
        probe.fresh();
        List<Probe.Finding> found = new ArrayList<>();
        lines.forEach(l -> found.addAll(inputs.run("command", l)));
        assertEquals(List.of(), found);
    }

    @Property(tries = 40)
    void manifestsNeverEscape(@ForAll("manifests") String manifest) {
        assertEquals(List.of(), inputs.run("manifest", manifest));
    }

    @Property(tries = 25)
    void snapshotsAreData(@ForAll("snapshots") String snapshot) {
        probe.fresh();
        assertEquals(List.of(), inputs.run("snapshot", snapshot));
    }
}
