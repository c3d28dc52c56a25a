package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevisionsTest {
    private static final DeploymentSpec SPEC = RollingArithmeticTest.rolling(3, "25%", "25%");

    private static ObjectNode deployment(String... annotations) {
        ObjectNode d = Meta.JSON.objectNode();
        ObjectNode a = d.putObject("metadata").putObject("annotations");
        for (int i = 0; i < annotations.length; i += 2) {
            a.put(annotations[i], annotations[i + 1]);
        }
        return d;
    }

    @Test
    void aNewReplicaSetGetsTheNextRevisionTheReplicaAnnotationsAndTheChangeCause() {
        ObjectNode annotations = Meta.JSON.objectNode();
        assertTrue(Revisions.setNewReplicaSetAnnotations(annotations, deployment("kubernetes.io/change-cause", "kubectl apply",
                "deployment.kubernetes.io/revision", "1", "kubectl.kubernetes.io/last-applied-configuration", "{}"), "2", false, SPEC));
        assertEquals("{\"kubernetes.io/change-cause\":\"kubectl apply\",\"deployment.kubernetes.io/revision\":\"2\","
                + "\"deployment.kubernetes.io/desired-replicas\":\"3\",\"deployment.kubernetes.io/max-replicas\":\"4\"}",
                annotations.toString());
    }

    @Test
    void aReplicaSetRolledBackToTakesTheNextNumberAndKeepsItsOldOnesAsHistory() {
        ObjectNode annotations = Meta.JSON.objectNode().put("deployment.kubernetes.io/revision", "1");
        assertTrue(Revisions.setNewReplicaSetAnnotations(annotations, deployment(), "3", true, SPEC));
        assertEquals("3", annotations.path("deployment.kubernetes.io/revision").asText());
        assertEquals("1", annotations.path("deployment.kubernetes.io/revision-history").asText());
        annotations.put("deployment.kubernetes.io/revision", "4");
        assertTrue(Revisions.setNewReplicaSetAnnotations(annotations, deployment(), "6", true, SPEC));
        assertEquals("1,4", annotations.path("deployment.kubernetes.io/revision-history").asText());
        // already the newest: nothing to do
        assertFalse(Revisions.setNewReplicaSetAnnotations(annotations, deployment(), "6", true, SPEC));
    }

    @Test
    void theHistoryDropsItsOldestNumbersPastTwoThousandCharacters() {
        StringBuilder history = new StringBuilder("1");
        for (int i = 2; history.length() + 1 + String.valueOf(i).length() <= Revisions.MAX_HISTORY_CHARS; i++) {
            history.append(',').append(i);
        }
        ObjectNode annotations = Meta.JSON.objectNode().put("deployment.kubernetes.io/revision", "9000")
                .put("deployment.kubernetes.io/revision-history", history.toString());
        Revisions.setNewReplicaSetAnnotations(annotations, deployment(), "9001", true, SPEC);
        String kept = annotations.path("deployment.kubernetes.io/revision-history").asText();
        assertTrue(kept.length() <= Revisions.MAX_HISTORY_CHARS, kept);
        assertTrue(kept.endsWith(",9000"), kept);
        assertFalse(kept.startsWith("1,"), kept);
    }
}
