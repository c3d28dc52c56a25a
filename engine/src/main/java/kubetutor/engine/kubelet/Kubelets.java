package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.WatchEvent;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Routes pods to the kubelet of the node they are bound to, as each kubelet's pod watch would. */
public final class Kubelets {
    private final Map<String, Kubelet> byNode = new LinkedHashMap<>();
    private final Simulation sim;
    private final ApiStore store;

    public Kubelets(ApiStore store, Simulation sim) {
        this.sim = sim;
        this.store = store;
        store.watch(this::onEvent);
    }

    public void add(Kubelet kubelet) {
        byNode.put(kubelet.nodeName(), kubelet);
    }

    public Kubelet get(String node) {
        return byNode.get(node);
    }

    /** Every kubelet starts its heartbeats, in the order the nodes joined. */
    public void startHeartbeats() {
        byNode.values().forEach(Kubelet::startHeartbeat);
    }

    private void onEvent(WatchEvent e) {
        if (e.resource() != ResourceTypes.POD) {
            return;
        }
        String node = e.object().path("spec").path("nodeName").asText("");
        Kubelet k = byNode.get(node);
        if (k == null || !k.machine().isRunning()) {
            // A node switched off watches nothing: it catches up when it boots.
            return;
        }
        ObjectNode pod = e.object();
        if (e.type() == WatchEvent.Type.DELETED) {
            k.forget(pod);
            return;
        }
        if (!k.wouldSync(pod)) {
            // Most pod events are the kubelet's own status posts: nothing for it to act on.
            return;
        }
        // Kubelets react to what they see a moment later, never inside the writer's call.
        sim.after(Duration.ZERO, () -> {
            ObjectNode current = storeGet(pod);
            if (current != null && Meta.uid(current).equals(Meta.uid(pod)) && k.machine().isRunning()) {
                k.sync(current);
            }
        });
    }

    private ObjectNode storeGet(ObjectNode pod) {
        return store.get(ResourceTypes.POD, Meta.namespace(pod), Meta.name(pod));
    }
}
