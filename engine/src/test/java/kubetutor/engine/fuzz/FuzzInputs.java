package kubetutor.engine.fuzz;

import kubetutor.engine.snapshot.SnapshotFormat;
import net.jqwik.api.Arbitrary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three kinds of hostile input and how each reaches the session: a command line is typed, a
 * manifest is written to a workspace file and applied (and printed by a client-side dry run), and
 * a snapshot is written to a workspace file and loaded. Shared by the test suite and benchmarks/.
 */
public final class FuzzInputs {
    private final Probe probe;
    private final Arbitrary<String> commandLines;
    private final Arbitrary<String> manifests;
    private final Arbitrary<String> snapshots;

    public FuzzInputs(Probe probe) {
        this.probe = probe;
        this.commandLines = HostileInputs.commandLines(probe.session().commands());
        this.manifests = Manifests.yamlTexts();
        this.snapshots = Snapshots.mutationsOf(SnapshotFormat.write(probe.session().snapshot()), commandLines);
    }

    /** Each kind's generator, by name. */
    public Map<String, Arbitrary<String>> all() {
        Map<String, Arbitrary<String>> all = new LinkedHashMap<>();
        all.put("command", commandLines);
        all.put("manifest", manifests);
        all.put("snapshot", snapshots);
        return all;
    }

    Arbitrary<String> commandLines() {
        return commandLines;
    }

    Arbitrary<String> manifests() {
        return manifests;
    }

    Arbitrary<String> snapshots() {
        return snapshots;
    }

    /** Gives one input of {@code kind} to the session; what the probe found. */
    public List<Probe.Finding> run(String kind, String input) {
        return switch (kind) {
            case "command" -> probe.run(input);
            case "manifest" -> {
                write("fuzz.yaml", input);
                List<Probe.Finding> found = new ArrayList<>(probe.run("kubectl apply -f fuzz.yaml"));
                found.addAll(probe.run("kubectl create -f fuzz.yaml --dry-run=client -o yaml"));
                yield found;
            }
            case "snapshot" -> {
                write("shared.yaml", input);
                yield probe.run("load shared.yaml");
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private void write(String name, String text) {
        try {
            Files.writeString(probe.workspace().resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
