package kubetutor.engine.session;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.snapshot.JournalStep;
import kubetutor.engine.snapshot.Snapshot;
import kubetutor.engine.snapshot.SnapshotFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A snapshot is data: loading one replays the cluster's own commands, never the workspace's, within
 * bounds, and a hostile or damaged one is refused in one line with the session left as it was.
 */
class HostileSnapshotTest {
    @TempDir
    Path work;
    @TempDir
    Path outside;
    private Session session;

    @BeforeEach
    void start() throws IOException {
        session = new Session(new SessionOptions(1, null, work));
        run("kubectl run mine --image=nginx");
    }

    private String run(String command) {
        StringBuilder out = new StringBuilder();
        session.execute(command, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return out.toString();
    }

    /** A snapshot of a fresh cluster whose journal is {@code commands}, claiming to end where it began. */
    private String snapshotRunning(String... commands) {
        Snapshot fresh = session.snapshot();
        List<JournalStep> journal = new ArrayList<>();
        for (String c : commands) {
            journal.add(new JournalStep.Run(c, Map.of(), JournalStep.Pacing.IMMEDIATE));
        }
        return SnapshotFormat.write(new Snapshot(fresh.seed(), fresh.cluster(), journal, fresh.clock(), fresh.rng(), null));
    }

    private String load(String snapshotText) throws IOException {
        Files.writeString(work.resolve("shared.yaml"), snapshotText);
        return run("load shared.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"save %s/stolen.yaml", "cd %s", "load shared.yaml", "cat %s/secret", "reset", "lesson pods",
            "echo $(save %s/stolen.yaml)", "kubectl get pods $(cd %s)"})
    void workspaceCommandsAreNeverReplayed(String command) throws IOException {
        Files.writeString(outside.resolve("secret"), "s3cr3t");
        String before = run("kubectl get pods; pwd");
        String hostile = command.replace("%s", outside.toString());
        String name = hostile.replaceAll(".*?\\b(save|cd|load|cat|reset|lesson)\\b.*", "$1");
        assertEquals("load: shared.yaml: the snapshot runs '" + name + "': a snapshot replays only kubectl and the"
                + " simulator's commands\n", load(snapshotRunning("kubectl run theirs --image=nginx", hostile)));
        assertFalse(Files.exists(outside.resolve("stolen.yaml")));
        assertEquals(before, run("kubectl get pods; pwd"));
    }

    @Test
    void aRedirectInAJournalWritesNothing() throws IOException {
        String out = load(snapshotRunning("kubectl get pods > " + outside.resolve("written")));
        assertFalse(Files.exists(outside.resolve("written")));
        assertEquals("load: shared.yaml: the snapshot does not replay to the state it was saved in (saved by another"
                + " version of kubetutor?)\n", out);
    }

    @Test
    void aCommandNoSessionKnowsIsSkipped() throws IOException {
        Session recorded = new Session(new SessionOptions(1, null, work));
        recorded.execute("kubeclt get pods", o -> { }, Pacer.IMMEDIATE);
        recorded.execute("kubectl run theirs --image=nginx", o -> { }, Pacer.IMMEDIATE);
        String out = load(SnapshotFormat.write(recorded.snapshot()));
        assertEquals("Restored the session from shared.yaml; the simulated time is Mon Jan  5 09:00:00 UTC 2026.\n", out);
        assertEquals("pod/theirs\n", run("kubectl get pods -o name"));
    }

    @Test
    void timeIsBoundedByTheSnapshotsOwnEnd() throws IOException {
        String before = run("kubectl get pods");
        assertEquals("load: shared.yaml: the snapshot's commands run past the time it was saved at\n",
                load(snapshotRunning("kubectl run theirs --image=nginx", "sleep 7d")));
        Snapshot fresh = session.snapshot();
        String future = SnapshotFormat.write(new Snapshot(fresh.seed(), fresh.cluster(),
                List.of(new JournalStep.Clock(Instant.parse("9999-01-01T00:00:00Z"))), fresh.clock(), fresh.rng(), null));
        assertEquals("load: shared.yaml: damaged snapshot: its clock goes back, or past the time it was saved at\n", load(future));
        assertEquals(before, run("kubectl get pods"));
    }

    @Test
    void aDamagedSnapshotIsOneLine() throws IOException {
        String good = SnapshotFormat.write(session.snapshot());
        assertEquals("load: shared.yaml: damaged snapshot: the cluster's podSubnet is not an IPv4 CIDR of /24 or wider\n",
                load(good.replace("podSubnet: 10.244.0.0/16", "podSubnet: 10.999.0.0/16")));
        assertEquals("load: shared.yaml: damaged snapshot: seed is not a whole number\n", load(good.replace("seed: 1", "seed: x")));
        Files.write(work.resolve("shared.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertEquals("load: shared.yaml: not a kubetutor snapshot\n", run("load shared.yaml"));
        StringBuilder laughs = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(8))
                    .append("*a").append(i - 1).append("]\n");
        }
        // Keys kubetutor does not read are data it never looks into: a billion laughs among them costs nothing.
        Files.writeString(work.resolve("shared.yaml"), laughs + good, StandardCharsets.UTF_8);
        assertEquals("Restored the session from shared.yaml; the simulated time is Mon Jan  5 09:00:00 UTC 2026.\n",
                run("load shared.yaml"));
        assertEquals("pod/mine\n", run("kubectl get pods -o name"));
    }
}
