package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.sim.Ids;
import kubetutor.engine.sim.Rng;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A kubelet's two heartbeats. Its node Lease in kube-node-lease, renewed every 10 s (a quarter of
 * the 40 s lease duration; the real loop's 4% jitter, which only moves renewTime's sub-second
 * digits, is left out): the cheap one the node lifecycle controller watches. And its node status,
 * posted every 5 minutes when nothing changed (nodeStatusReportFrequency), which refreshes every
 * condition's lastHeartbeatTime, and at once when a condition changes: after a boot, from the
 * Unknown the node lifecycle controller set while the node was off.
 */
final class NodeHeartbeat {
    static final Duration RENEW_INTERVAL = Duration.ofSeconds(10);
    static final int LEASE_DURATION_SECONDS = 40;
    static final Duration STATUS_REPORT_INTERVAL = Duration.ofMinutes(5);

    private final String nodeName;
    private final Kubelet.Services services;
    /** The heartbeats' own stream (their phase, boot IDs): a draw here moves no container id. */
    private final Rng rng;
    private final List<Beat> beats = new ArrayList<>();

    NodeHeartbeat(String nodeName, Kubelet.Services services) {
        this.nodeName = nodeName;
        this.services = services;
        this.rng = services.rng().fork("nodelease/" + nodeName);
    }

    /** The Lease the kubelet creates when it first starts (or finds it gone): held by its node, owned by its Node. */
    void createLease() {
        ObjectNode node = services.api().store().get(ResourceTypes.NODE, "", nodeName);
        ObjectNode lease = Meta.JSON.objectNode();
        lease.put("apiVersion", ResourceTypes.LEASE.apiVersion());
        lease.put("kind", "Lease");
        ObjectNode meta = lease.putObject("metadata");
        meta.put("name", nodeName);
        meta.put("namespace", "kube-node-lease");
        // Without its Node (deleted by hand), the kubelet makes the lease without an owner.
        if (node != null) {
            ObjectNode owner = meta.putArray("ownerReferences").addObject();
            owner.put("apiVersion", "v1");
            owner.put("kind", "Node");
            owner.put("name", nodeName);
            owner.put("uid", Meta.uid(node));
        }
        ObjectNode spec = lease.putObject("spec");
        spec.put("holderIdentity", nodeName);
        spec.put("leaseDurationSeconds", LEASE_DURATION_SECONDS);
        spec.put("renewTime", Meta.microTimestamp(services.sim().now()));
        services.api().create(ResourceTypes.LEASE, lease);
    }

    /**
     * Starts beating. A kubelet that just booted renews and reports at once, with the events of a
     * start; the cluster's own kubelets, already running when the session began, at a moment of
     * their own within the first renew interval.
     */
    void start(boolean booted) {
        // In whole microseconds, which is what a Lease's renewTime keeps.
        Duration phase = booted ? Duration.ZERO
                : Duration.ofNanos(1000 * (long) (rng.nextDouble() * RENEW_INTERVAL.toNanos() / 1000));
        beats.add(new Beat(phase, RENEW_INTERVAL, this::renew));
        if (booted) {
            reportAfterBoot();
            beats.add(new Beat(STATUS_REPORT_INTERVAL, STATUS_REPORT_INTERVAL, () -> report(Optional.empty())));
        } else {
            beats.add(new Beat(phase, STATUS_REPORT_INTERVAL, () -> report(Optional.empty())));
        }
    }

    /** The node is off: nothing beats any more. */
    void stop() {
        beats.forEach(Beat::stop);
        beats.clear();
    }

    /** Something done every {@code period}, the first time after {@code first}, until stopped. */
    private final class Beat {
        private final Duration period;
        private final Runnable action;
        private Simulation.Scheduled next;

        Beat(Duration first, Duration period, Runnable action) {
            this.period = period;
            this.action = action;
            this.next = services.sim().after(first, this::run);
        }

        private void run() {
            action.run();
            next = services.sim().after(period, this::run);
        }

        void stop() {
            next.cancel();
        }
    }

    private void renew() {
        ObjectNode lease = services.api().store().get(ResourceTypes.LEASE, "kube-node-lease", nodeName);
        if (lease == null) {
            createLease();
            return;
        }
        ObjectNode next = Meta.newVersion(lease);
        next.set("spec", Meta.shallowCopy((ObjectNode) lease.get("spec"))
                .put("renewTime", Meta.microTimestamp(services.sim().now())));
        services.api().update(ResourceTypes.LEASE, next);
    }

    /**
     * The first report of a kubelet that booted: kubelet start, its allocatable enforced, a new boot
     * ID (the Rebooted warning), and every condition back to healthy.
     */
    private void reportAfterBoot() {
        JsonNode node = services.api().store().get(ResourceTypes.NODE, "", nodeName);
        if (node == null) {
            return;
        }
        normal(node, "Starting", "Starting kubelet.");
        normal(node, "NodeAllocatableEnforced", "Updated Node Allocatable limit across pods");
        String bootId = Ids.uuid(rng);
        services.events().warning(ref(node), ResourceTypes.NODE, null, EventRecorder.Source.kubelet(nodeName), "Rebooted",
                "Node " + nodeName + " has been rebooted, boot id: " + bootId);
        report(Optional.of(bootId));
    }

    /**
     * Posts the node status: every condition's heartbeat now, each unhealthy one healthy again (with
     * its event), and the new boot ID after a boot.
     */
    private void report(Optional<String> bootId) {
        ObjectNode node = services.api().store().get(ResourceTypes.NODE, "", nodeName);
        if (node == null) {
            return;
        }
        String now = Meta.timestamp(services.sim().now());
        ObjectNode status = Meta.shallowCopy((ObjectNode) node.get("status"));
        ArrayNode conditions = status.putArray("conditions");
        List<String> changed = new ArrayList<>();
        for (JsonNode c : node.path("status").path("conditions")) {
            ObjectNode next = ((ObjectNode) c).deepCopy();
            NodeConditions.Healthy healthy = NodeConditions.of(c.path("type").asText());
            if (healthy != null) {
                next.put("lastHeartbeatTime", now);
                if (!healthy.status().equals(c.path("status").asText())) {
                    next.put("lastTransitionTime", now).put("message", healthy.message()).put("reason", healthy.reason())
                            .put("status", healthy.status());
                    changed.add(healthy.event());
                }
            }
            conditions.add(next);
        }
        bootId.ifPresent(id ->
                status.set("nodeInfo", Meta.shallowCopy((ObjectNode) node.path("status").get("nodeInfo")).put("bootID", id)));
        ObjectNode next = Meta.newVersion(node);
        next.set("status", status);
        services.api().updateStatus(ResourceTypes.NODE, next);
        for (String event : changed) {
            normal(node, event, "Node " + nodeName + " status is now: " + event);
        }
    }

    private void normal(JsonNode node, String reason, String message) {
        services.events().normal(ref(node), ResourceTypes.NODE, null, EventRecorder.Source.kubelet(nodeName), reason, message);
    }

    /** The kubelet's nodeRef: its node by name, with the node's name for a uid. */
    private JsonNode ref(JsonNode node) {
        ObjectNode ref = Meta.JSON.objectNode();
        ref.putObject("metadata").put("name", Meta.name(node)).put("uid", nodeName);
        return ref;
    }
}
