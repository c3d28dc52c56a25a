package kubetutor.engine.controller.garbagecollector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.DeleteOptions;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.cluster.Cluster;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dependents follow their owner as each propagation policy says, through a real control plane. */
class GarbageCollectorTest {
    private static final String RC = """
            apiVersion: v1
            kind: ReplicationController
            metadata: {name: web, namespace: default}
            spec:
              replicas: 2
              selector: {app: web}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: nginx, image: nginx}]}
            """;

    private final Cluster cluster = Cluster.defaultLab(1);
    private final ApiServer api = cluster.api();

    private void createRunning() throws Exception {
        api.create(ResourceTypes.REPLICATION_CONTROLLER, (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(RC));
        cluster.sim().advance(Duration.ofSeconds(10));
        assertEquals(2, pods().size());
    }

    private List<ObjectNode> pods() {
        return cluster.store().list(ResourceTypes.POD, "default");
    }

    private ObjectNode rc() {
        return cluster.store().get(ResourceTypes.REPLICATION_CONTROLLER, "default", "web");
    }

    private void delete(DeleteOptions.Propagation policy) {
        api.delete(ResourceTypes.REPLICATION_CONTROLLER, "default", "web", DeleteOptions.DEFAULT.withPropagation(policy));
        cluster.sim().settle();
    }

    @Test
    void backgroundRemovesTheOwnerAtOnceAndItsPodsAfter() throws Exception {
        createRunning();
        delete(DeleteOptions.Propagation.Background);
        assertNull(rc());
        assertTrue(pods().stream().allMatch(Meta::isTerminating));
        cluster.sim().advance(Duration.ofSeconds(40));
        assertEquals(List.of(), pods());
    }

    @Test
    void foregroundKeepsTheOwnerUntilItsPodsAreGone() throws Exception {
        createRunning();
        delete(DeleteOptions.Propagation.Foreground);
        assertNotNull(rc());
        assertTrue(Meta.isTerminating(rc()));
        assertEquals("[\"foregroundDeletion\"]", rc().path("metadata").path("finalizers").toString());
        assertTrue(pods().stream().allMatch(Meta::isTerminating));
        // Terminating pods do not count: the controller of a deleted owner makes no replacements.
        assertEquals(2, pods().size());
        cluster.sim().advance(Duration.ofSeconds(40));
        assertEquals(List.of(), pods());
        assertNull(rc());
    }

    @Test
    void orphanKeepsThePodsWithoutTheirOwnerReference() throws Exception {
        createRunning();
        delete(DeleteOptions.Propagation.Orphan);
        assertNull(rc());
        assertEquals(2, pods().size());
        for (JsonNode pod : pods()) {
            assertFalse(Meta.isTerminating(pod));
            assertFalse(pod.path("metadata").has("ownerReferences"), pod.toString());
        }
    }

    @Test
    void aDependentWhoseOwnerNeverExistedIsDeleted() {
        ObjectNode pod = Meta.JSON.objectNode();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode meta = pod.putObject("metadata").put("name", "lost").put("namespace", "default");
        meta.putArray("ownerReferences").addObject().put("apiVersion", "v1").put("kind", "ReplicationController")
                .put("name", "gone").put("uid", "0000").put("controller", true);
        pod.putObject("spec").putArray("containers").addObject().put("name", "c").put("image", "nginx");
        api.create(ResourceTypes.POD, pod);
        cluster.sim().advance(Duration.ofSeconds(40));
        assertNull(cluster.store().get(ResourceTypes.POD, "default", "lost"));
    }

    @Test
    void dryRunDeletesNothing() throws Exception {
        createRunning();
        api.delete(ResourceTypes.REPLICATION_CONTROLLER, "default", "web",
                new DeleteOptions(null, DeleteOptions.Propagation.Foreground, null, true));
        cluster.sim().advance(Duration.ofSeconds(40));
        assertFalse(Meta.isTerminating(rc()));
        assertEquals(2, pods().size());
    }
}
