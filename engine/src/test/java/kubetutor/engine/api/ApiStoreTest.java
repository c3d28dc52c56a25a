package kubetutor.engine.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The store's indexes follow every write: dependents by owner uid, and objects no controller owns. */
class ApiStoreTest {
    private final ApiStore store = new ApiStore();

    private static ObjectNode pod(String name, String ownerUid, boolean controller) {
        ObjectNode pod = Meta.JSON.objectNode();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode meta = pod.putObject("metadata").put("name", name).put("namespace", "default");
        if (ownerUid != null) {
            meta.putArray("ownerReferences").addObject().put("uid", ownerUid).put("controller", controller);
        }
        return pod;
    }

    private List<String> names(List<ObjectNode> objects) {
        return objects.stream().map(Meta::name).toList();
    }

    @Test
    void dependentsAndOrphansFollowOwnerReferences() {
        store.insert(ResourceTypes.POD, pod("b", "rs-1", true));
        store.insert(ResourceTypes.POD, pod("a", null, false));
        store.insert(ResourceTypes.POD, pod("c", "gc-owner", false));
        assertEquals(List.of("b"), names(store.dependents("rs-1")));
        assertEquals(List.of("c"), names(store.dependents("gc-owner")));
        // A reference that is not a controller's leaves the object adoptable.
        assertEquals(List.of("a", "c"), names(store.orphans(ResourceTypes.POD, "default")));

        store.replace(ResourceTypes.POD, pod("b", null, false));
        assertEquals(List.of(), names(store.dependents("rs-1")));
        assertEquals(List.of("a", "b", "c"), names(store.orphans(ResourceTypes.POD, "default")));

        store.replace(ResourceTypes.POD, pod("a", "rs-1", true));
        store.remove(ResourceTypes.POD, "default", "c");
        assertEquals(List.of("a"), names(store.dependents("rs-1")));
        assertEquals(List.of(), names(store.dependents("gc-owner")));
        assertEquals(List.of("b"), names(store.orphans(ResourceTypes.POD, "default")));
        assertEquals(List.of(), names(store.orphans(ResourceTypes.POD, "other")));
    }
}
