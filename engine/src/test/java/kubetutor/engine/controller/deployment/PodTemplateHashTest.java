package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PodTemplateHashTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void digitsMapIntoTheNameSafeAlphabetAsApimachineryDoes() {
        assertEquals("456789bcdf", PodTemplateHash.safeEncode("0123456789"));
        // kubeadm's CoreDNS ReplicaSet: the 32-bit sum 2248269567
        assertEquals("668d6bf9bc", PodTemplateHash.safeEncode("2248269567"));
    }

    @Test
    void theHashIsStableUsesOnlyHashCharactersAndChangesWithTheTemplateAndTheCollisionCount() throws Exception {
        JsonNode v1 = json("{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1\"}]}}");
        JsonNode reordered = json("{\"spec\":{\"containers\":[{\"image\":\"nginx:1\",\"name\":\"web\"}]},\"metadata\":{\"labels\":{\"app\":\"web\"}}}");
        JsonNode v2 = json("{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:2\"}]}}");
        String h = PodTemplateHash.of(v1, null);
        assertTrue(h.matches("[456789bcdf]{1,10}"), h);
        assertEquals(h, PodTemplateHash.of(reordered, null));
        assertNotEquals(h, PodTemplateHash.of(v2, null));
        assertNotEquals(h, PodTemplateHash.of(v1, 1));
        assertNotEquals(PodTemplateHash.of(v1, 1), PodTemplateHash.of(v1, 2));
    }

    @Test
    void templatesCompareWithoutTheHashLabel() throws Exception {
        JsonNode deployment = json("{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"replicas\":1}}");
        JsonNode rs = json("{\"metadata\":{\"labels\":{\"app\":\"web\",\"pod-template-hash\":\"5d4f\"}},\"spec\":{\"replicas\":1}}");
        assertTrue(PodTemplateHash.equalIgnoreHash(deployment, rs));
        // a nil map and an empty one are the same to Go's semantic equality
        assertTrue(PodTemplateHash.equalIgnoreHash(json("{\"metadata\":{}}"),
                json("{\"metadata\":{\"labels\":{\"pod-template-hash\":\"5d4f\"}}}")));
        assertFalse(PodTemplateHash.equalIgnoreHash(deployment, json("{\"metadata\":{\"labels\":{\"app\":\"api\"}},\"spec\":{\"replicas\":1}}")));
    }
}
