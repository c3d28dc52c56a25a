package kubetutor.engine.podlife;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.output.Timeline.State;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the recorder makes of a pod's versions in the store, and how it stays bounded. */
class PodLifeRecorderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApiStore store = new ApiStore();
    private Instant now = Instant.parse("2026-01-05T09:00:00Z");
    private final PodLifeRecorder recorder = new PodLifeRecorder(store, () -> now);

    private static ObjectNode pod(String name, String node, String phase, String ready) {
        ObjectNode pod = JSON.valueToTree(Map.of(
                "metadata", Map.of("name", name, "namespace", "default", "uid", "uid-" + name,
                        "labels", Map.of("pod-template-hash", "abc"),
                        "ownerReferences", List.of(Map.of("uid", "rs-1", "controller", true, "kind", "ReplicaSet", "name", "web-abc"))),
                "spec", Map.of("nodeName", node),
                "status", Map.of("phase", phase, "conditions", List.of(Map.of("type", "Ready", "status", ready)))));
        return pod;
    }

    @Test
    void aPodsLifeIsItsStatesWithTheirTimesAndNode() {
        store.insert(ResourceTypes.POD, pod("web-abc-1", "", "Pending", "False"));
        now = now.plusSeconds(1);
        store.replace(ResourceTypes.POD, pod("web-abc-1", "worker1", "Pending", "False"));
        now = now.plusSeconds(2);
        store.replace(ResourceTypes.POD, pod("web-abc-1", "worker1", "Running", "False"));
        now = now.plusSeconds(5);
        store.replace(ResourceTypes.POD, pod("web-abc-1", "worker1", "Running", "True"));
        store.replace(ResourceTypes.POD, pod("web-abc-1", "worker1", "Running", "True")); // a status write that changes nothing shown
        now = now.plusSeconds(20);
        ObjectNode deleted = pod("web-abc-1", "worker1", "Running", "True");
        Meta.metadata(deleted).put("deletionTimestamp", "2026-01-05T09:00:58Z");
        store.replace(ResourceTypes.POD, deleted);
        now = now.plusSeconds(3);
        store.remove(ResourceTypes.POD, "default", "web-abc-1");

        PodLifeRecorder.Life life = recorder.pods("rs-1").get(0);
        assertEquals("abc", life.templateHash());
        assertEquals(List.of(
                new PodLifeRecorder.Change(Instant.parse("2026-01-05T09:00:00Z"), State.PENDING, ""),
                new PodLifeRecorder.Change(Instant.parse("2026-01-05T09:00:01Z"), State.PENDING, "worker1"),
                new PodLifeRecorder.Change(Instant.parse("2026-01-05T09:00:03Z"), State.NOT_READY, "worker1"),
                new PodLifeRecorder.Change(Instant.parse("2026-01-05T09:00:08Z"), State.READY, "worker1"),
                new PodLifeRecorder.Change(Instant.parse("2026-01-05T09:00:28Z"), State.TERMINATING, "worker1")), life.changes());
        assertEquals(Instant.parse("2026-01-05T09:00:31Z"), life.gone());
    }

    @Test
    void anOwnerKeepsItsLatestPodsAndCountsTheOnesLetGo() {
        for (int i = 0; i < PodLifeRecorder.PODS_PER_OWNER + 3; i++) {
            store.insert(ResourceTypes.POD, pod("web-abc-" + i, "worker1", "Running", "True"));
        }
        List<PodLifeRecorder.Life> kept = recorder.pods("rs-1");
        assertEquals(PodLifeRecorder.PODS_PER_OWNER, kept.size());
        assertEquals("web-abc-3", kept.get(0).name());
        assertEquals(3, recorder.droppedPods("rs-1"));
    }

    @Test
    void aBarePodIsNotPartOfAnyRollout() {
        ObjectNode bare = pod("lonely", "worker1", "Running", "True");
        Meta.metadata(bare).remove("ownerReferences");
        store.insert(ResourceTypes.POD, bare);
        assertEquals(List.of(), recorder.pods("rs-1"));
    }
}
