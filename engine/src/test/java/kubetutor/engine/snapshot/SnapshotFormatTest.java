package kubetutor.engine.snapshot;

import kubetutor.engine.cluster.ClusterSpec;
import kubetutor.engine.workspace.Entry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotFormatTest {
    private static final Instant T = Instant.parse("2026-01-05T09:00:14.5Z");

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            q.put(pairs[i], List.of(pairs[i + 1]));
        }
        return q;
    }

    private static Snapshot sample() {
        Map<String, Entry> files = new LinkedHashMap<>();
        files.put("manifests", new Entry.Directory(List.of("a.yaml", "notes.txt")));
        files.put("manifests/a.yaml", new Entry.File("kind: Pod\n"));
        files.put("nope.yaml", new Entry.Missing());
        files.put("secret.yaml", new Entry.Unreadable("secret.yaml: Permission denied"));
        return new Snapshot(7, new ClusterSpec("10.244.0.0/16", List.of(new ClusterSpec.NodeSpec("master", true, 2, "4Gi"),
                new ClusterSpec.NodeSpec("worker1", false, 4, "8Gi"))), List.of(
                new JournalStep.Run("kubectl apply -f manifests -f nope.yaml -f secret.yaml", files, JournalStep.Pacing.IMMEDIATE),
                new JournalStep.Clock(T),
                new JournalStep.Run("kubectl get pods -w", Map.of(), new JournalStep.Pacing(true, List.of(T.plusSeconds(7)))),
                new JournalStep.Run("kubectl exec -it web -- sh", Map.of(), JournalStep.Pacing.IMMEDIATE),
                new JournalStep.Type("echo 'true' > /tmp/x\nexit", JournalStep.Pacing.IMMEDIATE),
                new JournalStep.ExecOpen(1, "/api/v1/namespaces/default/pods/web/exec",
                        query("command", "sh", "tty", "true")),
                new JournalStep.ExecInput(1, "ls /\r\u0003\u007f"),
                new JournalStep.ExecEnd(1, true),
                new JournalStep.Forward("10.244.1.2", 80, "/", "curl/8.5.0")),
                T.plusSeconds(9), -4265302364181468571L, new Snapshot.LessonPlace("pods", 2));
    }

    @Test
    void writesReadableYamlThatReadsBackToTheSameSnapshot() throws SnapshotException {
        String text = SnapshotFormat.write(sample());
        assertEquals("""
                kind: KubetutorSnapshot
                version: 3
                seed: 7
                cluster:
                  podSubnet: 10.244.0.0/16
                  nodes:
                  - name: master
                    role: control-plane
                    cpu: 2
                    memory: 4Gi
                  - name: worker1
                    role: worker
                    cpu: 4
                    memory: 8Gi
                journal:
                - run: kubectl apply -f manifests -f nope.yaml -f secret.yaml
                  files:
                    manifests:
                      directory:
                      - a.yaml
                      - notes.txt
                    manifests/a.yaml: |
                      kind: Pod
                    nope.yaml: null
                    secret.yaml:
                      error: "secret.yaml: Permission denied"
                - clock: 2026-01-05T09:00:14.500Z
                - run: kubectl get pods -w
                  wallClock: true
                  stops:
                  - 2026-01-05T09:00:21.500Z
                - run: kubectl exec -it web -- sh
                - type: |-
                    echo 'true' > /tmp/x
                    exit
                - exec:
                    stream: 1
                    path: /api/v1/namespaces/default/pods/web/exec
                    query:
                      command:
                      - sh
                      tty:
                      - "true"
                - input:
                    stream: 1
                    text: "ls /\\r\\x03\\x7f"
                - end:
                    stream: 1
                    hangUp: true
                - forward:
                    podIp: 10.244.1.2
                    port: 80
                    path: /
                    userAgent: curl/8.5.0
                lesson:
                  id: pods
                  step: 3
                expect:
                  clock: 2026-01-05T09:00:23.500Z
                  rng: -4265302364181468571
                """, text);
        assertEquals(sample(), SnapshotFormat.read(text));
    }

    @Test
    void whatServeDidWhileACommandRanIsWrittenWithItAndReadBack() throws SnapshotException {
        JournalStep.Run sleep = new JournalStep.Run("sleep 20", Map.of(), new JournalStep.Pacing(true, List.of()), List.of(), List.of(
                new JournalStep.Meanwhile(T, new JournalStep.Request("DELETE", "/api/v1/namespaces/default/pods/web", Map.of(), "", "")),
                new JournalStep.Meanwhile(T.plusSeconds(2), new JournalStep.ExecInput(1, "ls\r"))));
        Snapshot s = new Snapshot(7, sample().cluster(), List.of(sleep), T.plusSeconds(5), 1, null);
        String text = SnapshotFormat.write(s);
        assertTrue(text.contains("""
                - run: sleep 20
                  wallClock: true
                  meanwhile:
                  - request:
                      method: DELETE
                      path: /api/v1/namespaces/default/pods/web
                      query: {}
                      contentType: ""
                      body: ""
                    at: 2026-01-05T09:00:14.500Z
                  - input:
                      stream: 1
                      text: "ls\\r"
                    at: 2026-01-05T09:00:16.500Z
                """), text);
        assertEquals(s, SnapshotFormat.read(text));
        assertEquals("damaged snapshot: journal step 1's meanwhile step is neither request, exec, input, end nor forward",
                assertThrows(SnapshotException.class, () -> SnapshotFormat.read(text.replace("  - input:", "  - clock: 2026-01-05T09:00:14Z\n    typed:")))
                        .getMessage(), "only what serve does can happen meanwhile");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "kind: Pod                                  | not a kubetutor snapshot",
            "'{'                                        | not a kubetutor snapshot",
            "''                                         | not a kubetutor snapshot",
            "just text                                  | not a kubetutor snapshot",
            "kind: KubetutorSnapshot                    | snapshot version (none) is not supported (this kubetutor reads versions 2 to 3)",
            "'kind: KubetutorSnapshot\nversion: 1'      | snapshot version 1 is not supported (this kubetutor reads versions 2 to 3)",
            "'kind: KubetutorSnapshot\nversion: 2'      | damaged snapshot: seed is not a whole number",
            "'kind: KubetutorSnapshot\nversion: 2\nseed: 1' | damaged snapshot: the cluster's podSubnet is not an IPv4 CIDR of /24 or wider",
    })
    void refusesWhatIsNotASnapshotItCanRead(String text, String message) {
        assertEquals(message, assertThrows(SnapshotException.class, () -> SnapshotFormat.read(text.replace("\\n", "\n")))
                .getMessage());
    }

    @Test
    void aDamagedJournalIsReportedNotThrown() {
        String text = SnapshotFormat.write(sample()).replace("- clock: 2026-01-05T09:00:14.500Z", "- clock: yesterday");
        assertEquals("damaged snapshot: journal step 2's clock is not a time",
                assertThrows(SnapshotException.class, () -> SnapshotFormat.read(text)).getMessage());
    }
}
