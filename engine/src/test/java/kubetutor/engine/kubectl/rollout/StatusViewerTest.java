package kubetutor.engine.kubectl.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * rollout status's verdicts, rule by rule in kubectl's order (rollout_status.go): an unobserved
 * spec first, then the progress deadline, then new, old and unavailable replicas.
 */
class StatusViewerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            generation ahead of observed     | 2 | 1 | 3 | 3 | 3 | 3 |                          | 0 | Waiting for deployment spec update to be observed...
            deadline exceeded                | 1 | 1 | 3 | 1 | 4 | 3 | ProgressDeadlineExceeded | 0 | error: deployment "web" exceeded its progress deadline
            new replicas still to come       | 1 | 1 | 3 | 1 | 4 | 3 | NewReplicaSetAvailable   | 0 | Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
            old replicas still there         | 1 | 1 | 3 | 3 | 4 | 3 |                          | 0 | Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
            updated ones not yet available   | 1 | 1 | 3 | 3 | 3 | 2 |                          | 0 | Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...
            done                             | 1 | 1 | 3 | 3 | 3 | 3 |                          | 0 | deployment "web" successfully rolled out (done)
            pinned to the running revision   | 1 | 1 | 3 | 3 | 3 | 3 |                          | 2 | deployment "web" successfully rolled out (done)
            pinned to another revision       | 1 | 1 | 3 | 3 | 3 | 3 |                          | 1 | error: desired revision (1) is different from the running revision (2)
            """)
    void deployment(String why, long generation, long observed, int spec, int updated, int replicas, int available,
                    String progressing, long revision, String expected) throws Exception {
        JsonNode d = JSON.readTree("""
                {"metadata": {"name": "web", "generation": %d, "annotations": {"deployment.kubernetes.io/revision": "2"}},
                 "spec": {"replicas": %d},
                 "status": {"observedGeneration": %d, "updatedReplicas": %d, "replicas": %d, "availableReplicas": %d,
                            "conditions": [{"type": "Progressing", "reason": "%s"}]}}
                """.formatted(generation, spec, observed, updated, replicas, available, progressing == null ? "" : progressing));
        assertEquals(expected, show(StatusViewer.deployment(d, revision)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unobserved         | 2 | 1 | RollingUpdate | 3 | 3 | 3 | Waiting for daemon set spec update to be observed...
            pods to update     | 1 | 1 | RollingUpdate | 3 | 1 | 1 | Waiting for daemon set "proxy" rollout to finish: 1 out of 3 new pods have been updated...
            pods to be ready   | 1 | 1 | RollingUpdate | 3 | 3 | 2 | Waiting for daemon set "proxy" rollout to finish: 2 of 3 updated pods are available...
            done               | 1 | 1 | RollingUpdate | 3 | 3 | 3 | daemon set "proxy" successfully rolled out (done)
            OnDelete           | 1 | 1 | OnDelete      | 3 | 3 | 3 | error: rollout status is only available for RollingUpdate strategy type
            """)
    void daemonSet(String why, long generation, long observed, String strategy, int desired, int updated, int available,
                   String expected) throws Exception {
        JsonNode ds = JSON.readTree("""
                {"metadata": {"name": "proxy", "generation": %d}, "spec": {"updateStrategy": {"type": "%s"}},
                 "status": {"observedGeneration": %d, "desiredNumberScheduled": %d, "updatedNumberScheduled": %d,
                            "numberAvailable": %d}}
                """.formatted(generation, strategy, observed, desired, updated, available));
        assertEquals(expected, show(StatusViewer.daemonSet(ds)));
    }

    private static String show(StatusViewer.Verdict v) {
        if (v instanceof StatusViewer.Verdict.Failed f) {
            return "error: " + f.message();
        }
        StatusViewer.Verdict.Line line = (StatusViewer.Verdict.Line) v;
        return line.text() + (line.done() ? " (done)" : "");
    }
}
