package kubetutor.engine.controller.nodelifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.scheduling.Taint;
import kubetutor.engine.controller.ControllerContext;
import kubetutor.engine.controller.Informers;
import kubetutor.engine.controller.WorkQueue;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * kube-controller-manager's node lifecycle controller. Every --node-monitor-period (5s) it looks
 * at each node's health signals ({@link NodeHealth}); a node silent for the grace period gets its
 * conditions Unknown, a NodeNotReady event, its pods' Ready condition False
 * ({@link PodsNotReady}), and, one pass later, the unreachable NoExecute taint
 * ({@link NoExecuteTainter}) that the taint eviction controller acts on. Whenever a node changes,
 * its NoSchedule taints follow its conditions ({@link NoScheduleTaints}). A node ready again loses
 * its NoExecute taint on the next pass.
 */
public final class NodeLifecycleController {
    static final Duration MONITOR_PERIOD = Duration.ofSeconds(5);

    private final ApiServer api;
    private final EventRecorder events;
    private final Simulation sim;
    private final WorkQueue<String> nodeUpdates;
    private final Map<String, NodeHealth> health = new HashMap<>();
    /** The latest Lease of each node, as the lease informer has it. */
    private final Map<String, JsonNode> leases = new HashMap<>();
    private NoExecuteTainter tainter;
    private ZoneState zone = ZoneState.INITIAL;

    public NodeLifecycleController(ControllerContext ctx) {
        this.api = ctx.api();
        this.events = ctx.events();
        this.sim = ctx.sim();
        this.nodeUpdates = ctx.queue(this::noScheduleTaints);
        ctx.informers().on(ResourceTypes.NODE, new Informers.EventHandler() {
            @Override
            public void added(ObjectNode node) {
                nodeUpdates.add(Meta.name(node));
            }

            @Override
            public void updated(ObjectNode old, ObjectNode node) {
                nodeUpdates.add(Meta.name(node));
            }

            @Override
            public void deleted(ObjectNode node) {
                health.remove(Meta.name(node));
                if (tainter != null) {
                    tainter.remove(Meta.name(node));
                }
            }
        });
        ctx.informers().on(ResourceTypes.LEASE, new Informers.EventHandler() {
            @Override
            public void added(ObjectNode lease) {
                updated(null, lease);
            }

            @Override
            public void updated(ObjectNode old, ObjectNode lease) {
                if (Meta.namespace(lease).equals("kube-node-lease")) {
                    leases.put(Meta.name(lease), lease);
                }
            }

            @Override
            public void deleted(ObjectNode lease) {
                if (Meta.namespace(lease).equals("kube-node-lease")) {
                    leases.remove(Meta.name(lease));
                }
            }
        });
    }

    /**
     * Starts the health monitor, now and then every monitor period. It starts with the kubelets'
     * heartbeats (see Cluster): before those beat, every node would look dead.
     */
    public void startMonitor() {
        tainter = new NoExecuteTainter(api, sim, sim.now());
        monitor();
    }

    private void monitor() {
        monitorNodeHealth();
        sim.after(MONITOR_PERIOD, this::monitor);
    }

    private void noScheduleTaints(String name) {
        ObjectNode node = api.store().get(ResourceTypes.NODE, "", name);
        if (node != null) {
            NoScheduleTaints.sync(api, node, sim.now());
        }
    }

    private void monitorNodeHealth() {
        List<ObjectNode> nodes = api.store().list(ResourceTypes.NODE, null);
        List<String> readiness = new ArrayList<>();
        for (ObjectNode node : nodes) {
            String name = Meta.name(node);
            NodeHealth.Look look = NodeHealth.look(health.get(name), node, leases.get(name), sim.now());
            health.put(name, look.health());
            ObjectNode current = node;
            if (look.statusToWrite() != null) {
                ObjectNode next = Meta.newVersion(node);
                next.set("status", look.statusToWrite());
                try {
                    current = api.updateStatus(ResourceTypes.NODE, next);
                } catch (ApiException e) {
                    // Written in between (a kubelet that came back): the next pass looks again.
                    continue;
                }
            }
            readiness.add(look.current());
            if (look.current() == null) {
                continue;
            }
            processTaintBaseEviction(current, look.observed());
            if (!look.current().equals("True") && look.observed().equals("True")) {
                events.normal(node, ResourceTypes.NODE, null, EventRecorder.Source.NODE_CONTROLLER, "NodeNotReady",
                        "Node " + name + " status is now: NodeNotReady");
                PodsNotReady.mark(api, events, name, sim.now());
            }
        }
        handleDisruption(nodes, readiness);
    }

    /**
     * What the Ready status the pass found calls for: not ready or unreachable, the NoExecute taint
     * of that kind (swapped at once when the other kind is on); ready, none.
     */
    private void processTaintBaseEviction(ObjectNode node, String observed) {
        switch (observed) {
            case "False" -> {
                if (NodeTaints.has(node, NodeTaints.UNREACHABLE_NO_EXECUTE)) {
                    NodeTaints.swap(api, node, List.of(NodeTaints.NOT_READY_NO_EXECUTE), List.of(NodeTaints.UNREACHABLE_NO_EXECUTE),
                            sim.now());
                } else {
                    markForTainting(node, NodeTaints.NOT_READY_NO_EXECUTE);
                }
            }
            case "Unknown" -> {
                if (NodeTaints.has(node, NodeTaints.NOT_READY_NO_EXECUTE)) {
                    NodeTaints.swap(api, node, List.of(NodeTaints.UNREACHABLE_NO_EXECUTE), List.of(NodeTaints.NOT_READY_NO_EXECUTE),
                            sim.now());
                } else {
                    markForTainting(node, NodeTaints.UNREACHABLE_NO_EXECUTE);
                }
            }
            case "True" -> markReachable(node);
            default -> { }
        }
    }

    private void markForTainting(ObjectNode node, Taint taint) {
        if (!NodeTaints.has(node, taint)) {
            // Lost its taint (or never had it): it may be queued again.
            tainter.remove(Meta.name(node));
        }
        tainter.add(Meta.name(node));
    }

    /** markNodeAsReachable: off with both NoExecute taints, and no tainting pending. */
    private void markReachable(JsonNode node) {
        NodeTaints.swap(api, node, List.of(), List.of(NodeTaints.UNREACHABLE_NO_EXECUTE, NodeTaints.NOT_READY_NO_EXECUTE),
                sim.now());
        tainter.remove(Meta.name(node));
    }

    /**
     * handleDisruption for the cluster's one zone: the tainting rate follows the zone's state; when
     * no node is ready the NoExecute taints all come off, and when one is ready again every node's
     * grace period starts afresh.
     */
    private void handleDisruption(List<ObjectNode> nodes, List<String> readiness) {
        if (readiness.isEmpty()) {
            return;
        }
        ZoneState next = ZoneState.of(readiness);
        if (next == ZoneState.FULL_DISRUPTION && zone == ZoneState.FULL_DISRUPTION) {
            return;
        }
        if (next == ZoneState.FULL_DISRUPTION) {
            nodes.forEach(n -> markReachable(api.store().get(ResourceTypes.NODE, "", Meta.name(n))));
            tainter.setQps(0);
        } else {
            if (zone == ZoneState.FULL_DISRUPTION) {
                health.values().forEach(h -> h.resetProbe(sim.now()));
            }
            tainter.setQps(next.rate(readiness.size()));
        }
        zone = next;
    }
}
