package kubetutor.engine.kubectl.rollout;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.ResourceTypes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which ReplicaSets are a deployment's history, as kubectl's deployment util finds them: those it
 * controls and its selector matches, oldest first, the one running its template last; revisions
 * from their annotations. The ReplicaSets are written as the deployment controller leaves them.
 */
class DeploymentRevisionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApiStore store = new ApiStore();

    private ObjectNode put(String json) throws Exception {
        ObjectNode o = (ObjectNode) JSON.readTree(json);
        store.insert(o.path("kind").asText().equals("Deployment") ? ResourceTypes.DEPLOYMENT : ResourceTypes.REPLICA_SET, o);
        return o;
    }

    private void rs(String hash, String created, String revision, String image, String owner) throws Exception {
        put("""
                {"kind": "ReplicaSet", "metadata": {"name": "web-%s", "namespace": "default", "creationTimestamp": "%s",
                  "labels": {"app": "web", "pod-template-hash": "%s"},
                  "annotations": {"deployment.kubernetes.io/revision": "%s"},
                  "ownerReferences": [{"kind": "Deployment", "name": "web", "uid": "%s", "controller": true}]},
                 "spec": {"template": {"metadata": {"creationTimestamp": null, "labels": {"app": "web", "pod-template-hash": "%s"}},
                                       "spec": {"containers": [{"name": "nginx", "image": "%s"}]}}}}
                """.formatted(hash, created, hash, revision, owner, hash, image));
    }

    @Test
    void theReplicaSetRunningTheTemplateComesLastWhateverItsAge() throws Exception {
        ObjectNode web = put("""
                {"kind": "Deployment", "metadata": {"name": "web", "namespace": "default", "uid": "u1"},
                 "spec": {"selector": {"matchLabels": {"app": "web"}},
                          "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "nginx", "image": "nginx:1"}]}}}}
                """);
        rs("aaa", "2026-01-05T09:00:00Z", "3", "nginx:1", "u1");
        rs("bbb", "2026-01-05T09:01:00Z", "2", "nginx:2", "u1");
        rs("ccc", "2026-01-05T09:02:00Z", "1", "nginx:3", "someone-else");
        List<DeploymentRevisions.Revision> revisions = DeploymentRevisions.of(store, web);
        assertEquals(List.of("web-bbb 2", "web-aaa 3"),
                revisions.stream().map(r -> r.replicaSet().path("metadata").path("name").asText() + " " + r.number()).toList());
    }

    @Test
    void templatesAreComparedWithoutTheHashLabelAndEmptyFields() throws Exception {
        ObjectNode a = (ObjectNode) JSON.readTree("""
                {"metadata": {"creationTimestamp": null, "labels": {"app": "web", "pod-template-hash": "abc"}, "annotations": {}},
                 "spec": {"containers": [{"name": "nginx", "image": "nginx", "resources": {}}]}}""");
        ObjectNode b = (ObjectNode) JSON.readTree("""
                {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "nginx", "image": "nginx"}]}}""");
        assertTrue(DeploymentRevisions.sameTemplate(a, b));
        ((ObjectNode) b.path("spec").path("containers").get(0)).put("image", "nginx:2");
        assertFalse(DeploymentRevisions.sameTemplate(a, b));
    }
}
