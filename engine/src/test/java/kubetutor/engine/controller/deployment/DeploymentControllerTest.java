package kubetutor.engine.controller.deployment;

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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deployment controller on a real control plane: ReplicaSets, pods, events and status as a rollout goes. */
class DeploymentControllerTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Cluster cluster = Cluster.defaultLab(1);
    private final ApiServer api = cluster.api();

    private static ObjectNode yaml(String text) {
        try {
            return (ObjectNode) YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String deployment(int replicas, String image, String strategy) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: default}
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: web}}
                  %s
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: web, image: "%s"}]}
                """.formatted(replicas, strategy, image);
    }

    private void create(int replicas, String image, String strategy) {
        api.create(ResourceTypes.DEPLOYMENT, yaml(deployment(replicas, image, strategy)));
        cluster.sim().advance(Duration.ofSeconds(30));
    }

    private ObjectNode web() {
        return cluster.store().get(ResourceTypes.DEPLOYMENT, "default", "web");
    }

    /** Changes the deployment as a user's update does. */
    private void edit(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode next = web().deepCopy();
        change.accept(next);
        api.update(ResourceTypes.DEPLOYMENT, next);
    }

    private void setImage(String image) {
        edit(d -> ((ObjectNode) d.at("/spec/template/spec/containers/0")).put("image", image));
    }

    private void scale(int replicas) {
        api.scale(ResourceTypes.DEPLOYMENT, "default", "web", replicas, null, false);
    }

    /** The ReplicaSets by image: spec/ready/available. */
    private Map<String, String> replicaSets() {
        Map<String, String> out = new TreeMap<>();
        for (ObjectNode rs : cluster.store().list(ResourceTypes.REPLICA_SET, "default")) {
            JsonNode s = rs.path("status");
            out.put(rs.at("/spec/template/spec/containers/0/image").asText(), rs.at("/spec/replicas").asInt() + "/"
                    + s.path("readyReplicas").asInt() + "/" + s.path("availableReplicas").asInt());
        }
        return out;
    }

    private List<String> deploymentEvents() {
        List<String> out = new ArrayList<>();
        for (ObjectNode ev : cluster.store().list(ResourceTypes.EVENT, "default")) {
            if (ev.at("/involvedObject/kind").asText().equals("Deployment")) {
                out.add(ev.path("message").asText().replaceAll("web-[456789bcdf]+", "web-" + hashOf(ev)));
            }
        }
        return out;
    }

    /** The image of the ReplicaSet an event names, so that the expectations do not depend on hashes. */
    private String hashOf(ObjectNode ev) {
        String msg = ev.path("message").asText();
        String name = msg.replaceAll(".*replica set (\\S+) .*", "$1");
        ObjectNode rs = cluster.store().get(ResourceTypes.REPLICA_SET, "default", name);
        return rs == null ? "?" : rs.at("/spec/template/spec/containers/0/image").asText().replace(':', '_');
    }

    private Map<String, String> conditions() {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode c : web().at("/status/conditions")) {
            out.put(c.path("type").asText(), c.path("status").asText() + " " + c.path("reason").asText() + ": "
                    + c.path("message").asText().replaceAll("web-[456789bcdf]+", "web-HASH"));
        }
        return out;
    }

    @Test
    void aRollingUpdateOfThreeReplacesOnePodAtATime() {
        create(3, "nginx:1.26", "");
        String rsName = Meta.name(cluster.store().list(ResourceTypes.REPLICA_SET, "default").get(0));
        assertTrue(rsName.matches("web-[456789bcdf]{1,10}"), rsName);
        assertTrue(cluster.store().list(ResourceTypes.POD, "default").stream()
                .allMatch(p -> Meta.name(p).matches(rsName + "-[bcdfghjklmnpqrstvwxz2456789]{5}")
                        && Meta.labels(p).get("pod-template-hash").equals(rsName.substring(4))));
        setImage("nginx:1.27");
        cluster.sim().advance(Duration.ofMinutes(2));
        assertEquals(List.of(
                "Scaled up replica set web-nginx_1.26 from 0 to 3",
                "Scaled up replica set web-nginx_1.27 from 0 to 1",
                "Scaled down replica set web-nginx_1.26 from 3 to 2",
                "Scaled up replica set web-nginx_1.27 from 1 to 2",
                "Scaled down replica set web-nginx_1.26 from 2 to 1",
                "Scaled up replica set web-nginx_1.27 from 2 to 3",
                "Scaled down replica set web-nginx_1.26 from 1 to 0"), deploymentEvents());
        assertEquals(Map.of("nginx:1.26", "0/0/0", "nginx:1.27", "3/3/3"), replicaSets());
        assertEquals("2", Meta.annotations(web()).get("deployment.kubernetes.io/revision"));
        assertEquals(Map.of(
                "Available", "True MinimumReplicasAvailable: Deployment has minimum availability.",
                "Progressing", "True NewReplicaSetAvailable: ReplicaSet \"web-HASH\" has successfully progressed."), conditions());
        ObjectNode status = ((ObjectNode) web().path("status")).deepCopy();
        status.remove("conditions");
        assertEquals("{\"observedGeneration\":2,\"replicas\":3,\"updatedReplicas\":3,\"readyReplicas\":3,\"availableReplicas\":3}",
                status.toString());
    }

    @Test
    void recreateRemovesEveryOldPodBeforeTheNewReplicaSetExists() {
        create(2, "nginx:1.26", "strategy: {type: Recreate}");
        setImage("nginx:1.27");
        cluster.sim().settle();
        // the ReplicaSet no longer counts its terminating pods, but they are still there
        assertEquals(Map.of("nginx:1.26", "0/0/0"), replicaSets());
        List<ObjectNode> pods = cluster.store().list(ResourceTypes.POD, "default");
        assertEquals(2, pods.size());
        assertTrue(pods.stream().allMatch(Meta::isTerminating));
        Instant until = cluster.sim().now().plusSeconds(60);
        while (replicaSets().size() == 1 && cluster.sim().now().isBefore(until)) {
            cluster.sim().advance(Duration.ofMillis(100));
        }
        // the new ReplicaSet came when the last old pod was gone, not before
        assertTrue(cluster.store().list(ResourceTypes.POD, "default").stream()
                .allMatch(p -> p.at("/spec/containers/0/image").asText().equals("nginx:1.27")));
        cluster.sim().advance(Duration.ofSeconds(30));
        assertEquals(Map.of("nginx:1.26", "0/0/0", "nginx:1.27", "2/2/2"), replicaSets());
        assertEquals(List.of(
                "Scaled up replica set web-nginx_1.26 from 0 to 2",
                "Scaled down replica set web-nginx_1.26 from 2 to 0",
                "Scaled up replica set web-nginx_1.27 from 0 to 2"), deploymentEvents());
    }

    @Test
    void aBadImageHoldsTheRolloutUntilTheProgressDeadline() {
        create(3, "nginx:1.26", "");
        setImage("ngnix:1.27");
        cluster.sim().advance(Duration.ofMinutes(5));
        assertEquals(Map.of("nginx:1.26", "3/3/3", "ngnix:1.27", "1/0/0"), replicaSets());
        assertEquals("True ReplicaSetUpdated: ReplicaSet \"web-HASH\" is progressing.", conditions().get("Progressing"));
        Instant lastProgress = Meta.parseTime(Meta.JSON.textNode(
                web().at("/status/conditions/1/lastUpdateTime").asText()));
        cluster.sim().advanceTo(lastProgress.plusSeconds(600));
        assertEquals("True ReplicaSetUpdated: ReplicaSet \"web-HASH\" is progressing.", conditions().get("Progressing"));
        cluster.sim().advanceTo(lastProgress.plusSeconds(602));
        assertEquals("False ProgressDeadlineExceeded: ReplicaSet \"web-HASH\" has timed out progressing.",
                conditions().get("Progressing"));
        assertEquals("True MinimumReplicasAvailable: Deployment has minimum availability.", conditions().get("Available"));
        assertEquals(Map.of("nginx:1.26", "3/3/3", "ngnix:1.27", "1/0/0"), replicaSets());
    }

    @Test
    void scalingAStuckRolloutSharesThePodsOutByReplicaSetSize() {
        create(10, "nginx:1.26", "strategy: {rollingUpdate: {maxSurge: 3, maxUnavailable: 2}}");
        setImage("ngnix:1.27");
        cluster.sim().advance(Duration.ofMinutes(1));
        assertEquals(Map.of("nginx:1.26", "8/8/8", "ngnix:1.27", "5/0/0"), replicaSets());
        scale(15);
        cluster.sim().advance(Duration.ofMinutes(1));
        assertEquals(Map.of("nginx:1.26", "11/11/11", "ngnix:1.27", "7/0/0"), replicaSets());
        JsonNode status = web().path("status");
        assertEquals(18, status.path("replicas").asInt());
        assertEquals(7, status.path("updatedReplicas").asInt());
        assertEquals(11, status.path("availableReplicas").asInt());
    }

    @Test
    void goingBackToAnOldTemplateMakesItsReplicaSetTheNewestRevision() {
        create(2, "nginx:1.26", "");
        setImage("nginx:1.27");
        cluster.sim().advance(Duration.ofMinutes(1));
        // kubectl rollout undo is done by kubectl: it writes the old ReplicaSet's template back into the deployment
        setImage("nginx:1.26");
        cluster.sim().advance(Duration.ofMinutes(1));
        Map<String, String> revisions = new TreeMap<>();
        for (ObjectNode rs : cluster.store().list(ResourceTypes.REPLICA_SET, "default")) {
            Map<String, String> a = Meta.annotations(rs);
            revisions.put(rs.at("/spec/template/spec/containers/0/image").asText(),
                    a.get("deployment.kubernetes.io/revision") + " " + a.get("deployment.kubernetes.io/revision-history"));
        }
        assertEquals(Map.of("nginx:1.26", "3 1", "nginx:1.27", "2 null"), revisions);
        assertEquals("3", Meta.annotations(web()).get("deployment.kubernetes.io/revision"));
        assertEquals(Map.of("nginx:1.26", "2/2/2", "nginx:1.27", "0/0/0"), replicaSets());
    }

    @Test
    void oldReplicaSetsPastTheHistoryLimitGo() {
        create(1, "nginx:1.25", "revisionHistoryLimit: 1");
        for (String tag : List.of("1.26", "1.27")) {
            setImage("nginx:" + tag);
            cluster.sim().advance(Duration.ofMinutes(1));
        }
        assertEquals(Map.of("nginx:1.26", "0/0/0", "nginx:1.27", "1/1/1"), replicaSets());
    }

    @Test
    void aPausedDeploymentScalesButMakesNoNewRevision() {
        create(2, "nginx:1.26", "");
        edit(d -> ((ObjectNode) d.get("spec")).put("paused", true));
        cluster.sim().settle();
        assertEquals("Unknown DeploymentPaused: Deployment is paused", conditions().get("Progressing"));
        setImage("nginx:1.27");
        scale(4);
        cluster.sim().advance(Duration.ofSeconds(30));
        assertEquals(Map.of("nginx:1.26", "4/4/4"), replicaSets());
        edit(d -> ((ObjectNode) d.get("spec")).put("paused", false));
        cluster.sim().settle();
        assertEquals(2, cluster.store().list(ResourceTypes.REPLICA_SET, "default").size());
        cluster.sim().advance(Duration.ofMinutes(1));
        assertEquals(Map.of("nginx:1.26", "0/0/0", "nginx:1.27", "4/4/4"), replicaSets());
        assertEquals("True NewReplicaSetAvailable: ReplicaSet \"web-HASH\" has successfully progressed.",
                conditions().get("Progressing"));
    }

    @Test
    void deletingADeploymentTakesItsReplicaSetsAndPods() {
        create(2, "nginx:1.26", "");
        api.delete(ResourceTypes.DEPLOYMENT, "default", "web", DeleteOptions.DEFAULT);
        cluster.sim().advance(Duration.ofMinutes(1));
        assertEquals(0, cluster.store().list(ResourceTypes.REPLICA_SET, "default").size());
        assertEquals(0, cluster.store().list(ResourceTypes.POD, "default").size());
    }

    @Test
    void anOrphanReplicaSetMatchingTheSelectorIsAdoptedAndOneThatStopsMatchingReleased() {
        api.create(ResourceTypes.REPLICA_SET, yaml("""
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata: {name: stray, namespace: default, labels: {app: web}}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: web, extra: "yes"}}
                  template:
                    metadata: {labels: {app: web, extra: "yes"}}
                    spec: {containers: [{name: web, image: "nginx:1.20"}]}
                """));
        create(1, "nginx:1.26", "");
        ObjectNode stray = cluster.store().get(ResourceTypes.REPLICA_SET, "default", "stray");
        assertEquals(Meta.uid(web()), Meta.controllerRef(stray).path("uid").asText());
        // an old ReplicaSet of the deployment: scaled down as the rollout goes
        assertEquals(0, stray.at("/spec/replicas").asInt());
        ObjectNode relabelled = stray.deepCopy();
        ((ObjectNode) relabelled.at("/metadata/labels")).put("app", "other");
        api.update(ResourceTypes.REPLICA_SET, relabelled);
        cluster.sim().settle();
        assertNull(Meta.controllerRef(cluster.store().get(ResourceTypes.REPLICA_SET, "default", "stray")));
    }

    @Test
    void aNameTakenByAnotherTemplateIsAHashCollisionCountedInTheStatus() {
        ObjectNode d = api.create(ResourceTypes.DEPLOYMENT, yaml(deployment(1, "nginx:1.26", "")));
        String taken = "web-" + PodTemplateHash.of(d.at("/spec/template"), null);
        api.create(ResourceTypes.REPLICA_SET, yaml("""
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata: {name: %s, namespace: default, labels: {app: other}}
                spec:
                  replicas: 0
                  selector: {matchLabels: {app: other}}
                  template:
                    metadata: {labels: {app: other}}
                    spec: {containers: [{name: web, image: "nginx:1.20"}]}
                """.formatted(taken)));
        cluster.sim().advance(Duration.ofSeconds(30));
        assertEquals(1, web().at("/status/collisionCount").asInt());
        String second = "web-" + PodTemplateHash.of(d.at("/spec/template"), 1);
        assertEquals(Map.of("nginx:1.20", "0/0/0", "nginx:1.26", "1/1/1"), replicaSets());
        assertEquals(Meta.uid(web()), Meta.controllerRef(cluster.store().get(ResourceTypes.REPLICA_SET, "default", second))
                .path("uid").asText());
    }

    @Test
    void coreDnsKeepsKubeadmsReplicaSetAndIsReportedByTheController() {
        ObjectNode d = cluster.store().get(ResourceTypes.DEPLOYMENT, "kube-system", "coredns");
        assertEquals("1", Meta.annotations(d).get("deployment.kubernetes.io/revision"));
        assertEquals(List.of("coredns-668d6bf9bc"), cluster.store().list(ResourceTypes.REPLICA_SET, "kube-system").stream()
                .map(Meta::name).toList());
        assertEquals(2, d.at("/status/availableReplicas").asInt());
        assertEquals("ReplicaSet \"coredns-668d6bf9bc\" has successfully progressed.", d.at("/status/conditions/1/message").asText());
    }
}
