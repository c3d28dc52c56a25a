package kubetutor.engine.snapshot;

import kubetutor.engine.cluster.ClusterSpec;
import kubetutor.engine.workspace.TextEditor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What kubectl edit got back from the editor is part of the journal, saved and read back as it was. */
class SnapshotEditsTest {
    @Test
    void editsAreWrittenAndReadBack() throws SnapshotException {
        JournalStep.Run edit = new JournalStep.Run("kubectl edit rc/web", Map.of(), JournalStep.Pacing.IMMEDIATE, List.of(
                new TextEditor.Saved("/tmp/kubectl-edit-1.yaml", "apiVersion: v1\nkind: ReplicationController\n"),
                new TextEditor.Failed("there was a problem with the editor \"vi\"")));
        Snapshot snapshot = new Snapshot(1, ClusterSpec.kubeadmLab(), List.of(edit), Instant.parse("2026-01-05T09:00:00Z"), 42, null);
        String text = SnapshotFormat.write(snapshot);
        assertTrue(text.contains("""
                - run: kubectl edit rc/web
                  edits:
                  - file: /tmp/kubectl-edit-1.yaml
                    text: |
                      apiVersion: v1
                      kind: ReplicationController
                  - error: there was a problem with the editor "vi"
                """), text);
        assertEquals(List.of(edit), SnapshotFormat.read(text).journal());
    }
}
