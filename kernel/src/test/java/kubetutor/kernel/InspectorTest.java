package kubetutor.kernel;

import kubetutor.engine.api.schema.Explainer;
import kubetutor.engine.api.schema.Schema;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * inspect_request: the cell, where the cursor is ("|" marks it, and is removed), and what Shift-Tab
 * shows: kubectl explain's text for a resource or manifest field, the command table's for the rest.
 */
class InspectorTest {
    private final Inspector inspector = new Inspector(KernelCompletionTest.newSession());
    private final Explainer explain = new Explainer(Schema.standard());

    private Optional<String> at(String cellWithCursor) {
        int cursor = cellWithCursor.indexOf('|');
        return inspector.inspect(cellWithCursor.replace("|", ""), cursor);
    }

    private Optional<String> explain(String path) {
        return Optional.of(explain.explain(path).orElseThrow());
    }

    @Test
    void resourceTypesOnACommandLineAreExplained() {
        assertEquals(explain("pods"), at("kubectl get po|ds"));
        assertEquals(explain("pods"), at("kubectl get pods|"));
        assertEquals(explain("deployments"), at("kubectl describe deploy/|web"));
        assertEquals(explain("services"), at("kubectl get svc|,pods"));
        assertEquals(explain("deployments"), at("kubectl get deployments.apps|"));
        assertEquals(explain("pod.spec.containers"), at("kubectl explain pod.spec.con|tainers"));
        assertEquals(explain("nodes"), at("kubectl get pods -A\nkubectl get no|"));
    }

    @Test
    void manifestKeysAreExplainedByTheirPath() {
        String pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n"
                + "    image: nginx\n    livenessProbe:\n      httpGet:\n        path: /\n";
        assertEquals(explain("pod.spec.containers.livenessProbe"), at(pod.replace("livenessProbe", "liveness|Probe")));
        assertEquals(explain("pod.spec.containers.livenessProbe.httpGet.path"), at(pod.replace("path:", "pa|th:")));
        assertEquals(explain("pod.spec.containers.name"), at(pod.replace("- name", "- na|me")));
        assertEquals(explain("pod.metadata.name"), at(pod.replace("  name: web", "  name: w|eb")));
        assertEquals(explain("pod.apiVersion"), at(pod.replace("apiVersion", "api|Version")));
        assertEquals(explain("pods"), at(pod.replace("kind: Pod", "kind: P|od")));
        // list items indented under their key, the second document of a cell
        String two = "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\napiVersion: apps/v1\n"
                + "kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n";
        assertEquals(explain("deployment.spec.template.spec.containers.image"), at(two.replace("image", "im|age")));
        assertEquals(explain("service.metadata.name"), at(two.replace("  name: web\n---", "  na|me: web\n---")));
    }

    @Test
    void hereDocumentsAndFileCellsAreManifestsToo() {
        String heredoc = "kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: Never\nEOF\nkubectl get pods";
        assertEquals(explain("pod.spec.restartPolicy"), at(heredoc.replace("restartPolicy", "restart|Policy")));
        assertEquals(explain("pods"), at(heredoc.replace("get pods", "get pod|s")));
        String file = "%%file pod.yaml\napiVersion: v1\nkind: Pod\nspec:\n  nodeName: worker1\n";
        assertEquals(explain("pod.spec.nodeName"), at(file.replace("nodeName", "node|Name")));
    }

    @Test
    void commandsAndFlagsComeFromTheCommandTable() {
        assertEquals(Optional.of("kubectl get: Display one or many resources\n"), at("kubectl ge|t pods"));
        assertEquals("kubectl get --watch, -w: ", at("kubectl get pods -w|").orElseThrow().substring(0, 25));
        assertEquals("kubectl get --watch, -w: ", at("kubectl get pods --wat|ch").orElseThrow().substring(0, 25));
    }

    @Test
    void nothingToSay() {
        assertEquals(Optional.empty(), at("zzz|"));
        assertEquals(Optional.empty(), at("kubectl get pods we|b"));
        assertEquals(Optional.empty(), at("kubectl get pods |"));
        assertEquals(Optional.empty(), at("apiVersion: v1\nkind: Pod\nspec:\n  nosuchfield|: 1\n"));
        assertEquals(Optional.empty(), at("apiVersion: v1\nmetadata:\n  na|me: x\n")); // no kind yet
    }
}
