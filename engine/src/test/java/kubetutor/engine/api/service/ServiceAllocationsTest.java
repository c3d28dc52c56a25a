package kubetutor.engine.api.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.sim.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the registry hands a Service on create and update, against the Services already stored. */
class ServiceAllocationsTest {
    private final ApiStore store = new ApiStore();
    private final ServiceAllocations allocations = new ServiceAllocations(store, new Rng(1));

    private static ObjectNode service(String name, String type) {
        ObjectNode svc = Meta.JSON.objectNode();
        svc.putObject("metadata").put("name", name).put("namespace", "default");
        ObjectNode spec = svc.putObject("spec").put("type", type);
        spec.putArray("ports").addObject().put("name", "dns").put("port", 53).put("protocol", "UDP");
        ((com.fasterxml.jackson.databind.node.ArrayNode) spec.get("ports")).addObject().put("name", "dns-tcp")
                .put("port", 53).put("protocol", "TCP");
        return svc;
    }

    private ObjectNode created(ObjectNode svc) {
        allocations.create(ResourceTypes.SERVICE, svc);
        store.insert(ResourceTypes.SERVICE, svc);
        return svc;
    }

    @Test
    void tcpAndUdpOnOnePortShareOneNodePort() {
        ObjectNode svc = created(service("dns", "NodePort"));
        int udp = svc.path("spec").path("ports").get(0).path("nodePort").asInt();
        assertTrue(udp >= 30000 && udp <= 32767);
        assertEquals(udp, svc.path("spec").path("ports").get(1).path("nodePort").asInt());
        assertFalse(svc.path("spec").path("clusterIP").asText().isEmpty());
    }

    @Test
    void aRequestedIpIsRefusedOnceTakenAndFreeAgainWhenItsServiceIsGone() {
        ObjectNode first = service("a", "ClusterIP");
        ((ObjectNode) first.get("spec")).put("clusterIP", "10.96.5.5");
        created(first);
        ObjectNode second = service("b", "ClusterIP");
        ((ObjectNode) second.get("spec")).put("clusterIP", "10.96.5.5");
        ApiException e = assertThrows(ApiException.class, () -> allocations.create(ResourceTypes.SERVICE, second));
        assertEquals("The Service \"b\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.5.5\"}: "
                + "failed to allocate IP 10.96.5.5: provided IP is already allocated", e.getMessage());
        store.remove(ResourceTypes.SERVICE, "default", "a");
        allocations.create(ResourceTypes.SERVICE, second);
        assertEquals("10.96.5.5", second.path("spec").path("clusterIPs").get(0).asText());
    }

    @Test
    void headlessAndExternalNameServicesGetNoIp() {
        ObjectNode headless = service("h", "ClusterIP");
        ((ObjectNode) headless.get("spec")).put("clusterIP", "None");
        assertEquals("None", created(headless).path("spec").path("clusterIP").asText());
        assertTrue(created(service("x", "ExternalName")).path("spec").path("clusterIP").isMissingNode());
    }

    @Test
    void anUpdateThatLeavesOutTheAllocatedValuesKeepsThem() {
        ObjectNode stored = created(service("dns", "NodePort"));
        ObjectNode applied = service("dns", "NodePort");
        allocations.update(ResourceTypes.SERVICE, stored, applied);
        assertEquals(stored.path("spec").path("clusterIP"), applied.path("spec").path("clusterIP"));
        assertEquals(stored.path("spec").path("ports"), applied.path("spec").path("ports"));
    }

    @Test
    void changingToClusterIpDropsTheNodePortsTheUpdateCarriedOver() {
        ObjectNode stored = created(service("dns", "NodePort"));
        ObjectNode edited = stored.deepCopy();
        ((ObjectNode) edited.get("spec")).put("type", "ClusterIP");
        allocations.update(ResourceTypes.SERVICE, stored, edited);
        assertTrue(edited.path("spec").path("ports").get(0).path("nodePort").isMissingNode());
        assertEquals(stored.path("spec").path("clusterIP"), edited.path("spec").path("clusterIP"));
    }
}
