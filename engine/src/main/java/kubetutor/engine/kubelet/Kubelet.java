package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.EventRecorder;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.image.ImageCatalog;
import kubetutor.engine.sim.Rng;
import kubetutor.engine.sim.Simulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One node's kubelet: it runs the pods bound to its node. Images come through its {@link ImagePuller},
 * containers start, pod IPs come in order from the node's /24, and deleted pods stop within their
 * grace period.
 */
public final class Kubelet {
    private final String nodeName;
    private final String nodeIp;
    private final Services services;
    private final ImagePuller puller;
    private final NodeHeartbeat heartbeat;
    /** This kubelet's own stream: its jitter and container ids do not move another node's. */
    private final Rng rng;
    private final Map<String, PodWorker> workers = new LinkedHashMap<>();
    private final Machine machine;
    private final HostLocalIpam ipam;
    private final ContainerRestarts restarts;

    /** What every kubelet shares: the API, events, the clock, the generator, the registry, the runtime. */
    public record Services(ApiServer api, EventRecorder events, Simulation sim, Rng rng, ImageCatalog catalog,
                           ContainerRuntime runtime) {}

    public Kubelet(String nodeName, String nodeIp, String podCidr, Services services) {
        this.nodeName = nodeName;
        this.nodeIp = nodeIp;
        this.services = services;
        this.rng = services.rng().fork("kubelet/" + nodeName);
        this.ipam = new HostLocalIpam(podCidr);
        this.puller = new ImagePuller(this, services);
        this.heartbeat = new NodeHeartbeat(nodeName, services);
        this.machine = new Machine(this, services, heartbeat);
        this.restarts = new ContainerRestarts(this, services, puller);
    }

    /** The kubelet's first start, right after registering its node: it creates its Lease. */
    public void createLease() {
        heartbeat.createLease();
    }

    /** Starts renewing the Lease and posting the node status (the kubelet runs; see Cluster for when). */
    public void startHeartbeat() {
        heartbeat.start(false);
    }

    public String nodeName() {
        return nodeName;
    }

    public String nodeIp() {
        return nodeIp;
    }

    /** Whether {@link #sync} has anything to do with this version of the pod: a new pod, or a deletion to start. */
    boolean wouldSync(JsonNode pod) {
        PodWorker w = workers.get(Meta.namespace(pod) + "/" + Meta.name(pod));
        return w == null || !w.uid.equals(Meta.uid(pod)) || Meta.isTerminating(pod) && !w.terminating
                || !w.terminating && w.containers.stream().anyMatch(c -> changedSpec(pod, c) != null);
    }

    /** A pod was bound to this node, or changed (deletion requested). */
    public void sync(ObjectNode pod) {
        String key = Meta.namespace(pod) + "/" + Meta.name(pod);
        PodWorker w = workers.get(key);
        if (w == null || !w.uid.equals(Meta.uid(pod))) {
            if (Meta.isTerminating(pod) && w == null) {
                services.api().finalizeRemoval(ResourceTypes.POD, Meta.namespace(pod), Meta.name(pod));
                return;
            }
            w = new PodWorker(this, pod);
            workers.put(key, w);
            start(w);
        }
        if (Meta.isTerminating(pod) && !w.terminating) {
            terminate(w, Meta.deletionTime(pod));
            return;
        }
        if (!w.terminating) {
            for (ContainerSlot c : w.containers) {
                JsonNode next = changedSpec(pod, c);
                if (next != null) {
                    restarts.definitionChanged(w, c, next);
                }
            }
        }
    }

    /** The container's new spec when an update changed its image (the only part of it an update may change). */
    private static JsonNode changedSpec(JsonNode pod, ContainerSlot c) {
        for (JsonNode spec : pod.path("spec").path("containers")) {
            if (spec.path("name").asText().equals(c.name) && !spec.path("image").equals(c.spec.path("image"))) {
                return spec;
            }
        }
        return null;
    }

    /** The pod is gone from the API: forget it. */
    public void forget(JsonNode pod) {
        PodWorker w = workers.get(Meta.namespace(pod) + "/" + Meta.name(pod));
        if (w != null && w.uid.equals(Meta.uid(pod))) {
            workers.remove(Meta.namespace(pod) + "/" + Meta.name(pod));
            tearDown(w);
        }
    }

    /** The machine this kubelet runs on: whether it runs, and its power switch. */
    public Machine machine() {
        return machine;
    }

    /** The power went: every pod's containers die. Returns the workers, cleared from this kubelet. */
    Map<String, PodWorker> stopAll() {
        Map<String, PodWorker> stopped = new LinkedHashMap<>(workers);
        // Cleared first: every timer of these workers (probes, pulls, restarts) finds them stale.
        workers.clear();
        stopped.values().forEach(this::tearDown);
        return stopped;
    }

    /** A pod that ran here before a reboot ({@code before}): again, in a new sandbox. */
    void restart(ObjectNode pod, PodWorker before) {
        PodWorker w = new PodWorker(this, pod);
        w.carryOver(before, now());
        workers.put(Meta.namespace(pod) + "/" + Meta.name(pod), w);
        services.events().normal(pod, ResourceTypes.POD, null, src(), "SandboxChanged",
                "Pod sandbox changed, it will be killed and re-created.");
        createSandbox(w);
    }

    /** Stops what runs for a pod and gives its IP back. */
    private void tearDown(PodWorker w) {
        if (w.podIp != null && !w.spec.path("hostNetwork").asBoolean(false)) {
            ipam.release(w.podIp);
        }
        for (ContainerSlot c : w.containers) {
            c.stopProbes();
            if (c.resync != null) {
                c.resync.cancel();
            }
            if (c.process != null) {
                ContainerRuntime.Process p = c.process;
                c.process = null;
                p.kill();
            }
        }
        services.runtime().removePod(w.uid);
    }

    Instant now() {
        return services.sim().now();
    }

    long jitterMillis(long base, long spread) {
        return base + (long) (rng.nextDouble() * spread);
    }

    private void start(PodWorker w) {
        w.startTime = now();
        createSandbox(w);
    }

    private void createSandbox(PodWorker w) {
        postStatus(w);
        // The sandbox (pause container, CNI) takes a moment before the pod has an IP.
        services.sim().after(Duration.ofMillis(jitterMillis(300, 500)), () -> {
            if (w.terminating || !isCurrent(w)) {
                return;
            }
            w.podIp = w.spec.path("hostNetwork").asBoolean(false) ? nodeIp : ipam.allocate(nodeName);
            postStatus(w);
            startContainer(w, 0);
        });
    }

    boolean isCurrent(PodWorker w) {
        return workers.get(w.namespace + "/" + w.name) == w;
    }

    JsonNode currentPod(PodWorker w) {
        return services.api().store().get(ResourceTypes.POD, w.namespace, w.name);
    }

    void postStatus(PodWorker w) {
        ObjectNode pod = services.api().store().get(ResourceTypes.POD, w.namespace, w.name);
        if (pod == null || !Meta.uid(pod).equals(w.uid)) {
            return;
        }
        ObjectNode next = Meta.newVersion(pod);
        next.set("status", w.status(pod.path("status"), now()));
        services.api().updateStatus(ResourceTypes.POD, next);
    }

    private void startContainer(PodWorker w, int index) {
        if (index >= w.containers.size() || w.terminating || !isCurrent(w)) {
            return;
        }
        ContainerSlot c = w.containers.get(index);
        puller.ensure(w, c, () -> {
            run(w, c);
            startContainer(w, index + 1);
        });
    }

    void run(PodWorker w, ContainerSlot c) {
        JsonNode pod = currentPod(w);
        if (c.runs > 0) {
            // A restart: the exited process becomes lastState, and RESTARTS counts it.
            c.lastState = c.state instanceof ContainerState.Terminated ? c.state : c.lastState;
            c.restartCount++;
        }
        c.runs++;
        c.killing = false;
        c.containerId = "containerd://" + hex(rng.nextLong()) + hex(rng.nextLong())
                + hex(rng.nextLong()) + hex(rng.nextLong());
        c.imageId = c.image.repository() + "@sha256:" + sha256(c.image.qualified());
        services.events().normal(pod, ResourceTypes.POD, w.fieldPath(c), src(), "Created", "Created container: " + c.name);
        Instant started = now();
        ContainerRuntime.Process[] self = new ContainerRuntime.Process[1];
        try {
            self[0] = services.runtime().start(w.context(), c.spec, c.containerId, (code, reason) -> exited(w, c, self[0], code,
                    reason, started));
        } catch (ContainerRuntime.StartError e) {
            restarts.startFailed(w, c, e.getMessage());
            return;
        }
        services.events().normal(pod, ResourceTypes.POD, w.fieldPath(c), src(), "Started", "Started container " + c.name);
        c.state = new ContainerState.Running(started);
        boolean startup = c.spec.has("startupProbe");
        c.started = !startup;
        c.ready = !startup && !c.spec.has("readinessProbe");
        c.process = self[0];
        for (ProbeWorker.Kind kind : ProbeWorker.Kind.values()) {
            if (c.spec.has(kind.field)) {
                ProbeWorker pw = new ProbeWorker(this, w, c, kind, started);
                c.probes.add(pw);
                // The worker's ticks run from when the kubelet added the pod, not from this start.
                pw.start(Duration.ofMillis(jitterMillis(0, 1000L * Math.max(1, c.spec.path(kind.field).path("periodSeconds").asInt(10)))));
            }
        }
        w.recomputePhase();
        postStatus(w);
    }

    private void exited(PodWorker w, ContainerSlot c, ContainerRuntime.Process process, int code, String reason,
                        Instant started) {
        if (c.process != process || !isCurrent(w)) {
            return;
        }
        c.process = null;
        c.stopProbes();
        c.killing = false;
        ContainerState.Terminated t = new ContainerState.Terminated(code, reason != null ? reason : code == 0 ? "Completed" : "Error", null,
                started, now(), c.containerId);
        c.state = t;
        c.ready = false;
        c.started = false;
        w.recomputePhase();
        if (w.terminating) {
            if (w.allStopped()) {
                finish(w);
            } else {
                postStatus(w);
            }
            return;
        }
        postStatus(w);
        if (restarts.restartedAfterKill(w, c)) {
            return;
        }
        String policy = w.spec.path("restartPolicy").asText("Always");
        if (policy.equals("Always") || policy.equals("OnFailure") && code != 0) {
            // PLEG notices the exit within a second; that pod sync restarts it or finds it in back-off.
            c.resync = services.sim().after(Duration.ofMillis(jitterMillis(600, 400)), () -> restarts.restartOrBackOff(w, c, t));
        }
    }

    /** A probe failed once: the kubelet records an Unhealthy event for every failure. */
    void probeFailed(PodWorker w, ContainerSlot c, ProbeWorker.Kind kind, String output) {
        services.events().warning(currentPod(w), ResourceTypes.POD, w.fieldPath(c), src(), "Unhealthy",
                kind.title + " probe failed: " + output);
    }

    /** A probe's result crossed its threshold. */
    void probeSettled(PodWorker w, ContainerSlot c, ProbeWorker.Kind kind, boolean success) {
        if (c.process == null || w.terminating) {
            return;
        }
        switch (kind) {
            case READINESS -> {
                if (c.ready != success) {
                    c.ready = success;
                    postStatus(w);
                }
            }
            case STARTUP -> {
                if (success) {
                    c.started = true;
                    c.ready = !c.spec.has("readinessProbe");
                    postStatus(w);
                } else {
                    restarts.killForProbe(w, c, "startup");
                }
            }
            case LIVENESS -> {
                if (!success) {
                    restarts.killForProbe(w, c, "liveness");
                }
            }
        }
    }

    Simulation sim() {
        return services.sim();
    }

    ContainerRuntime runtime() {
        return services.runtime();
    }

    private void terminate(PodWorker w, Instant deadline) {
        w.terminating = true;
        JsonNode pod = currentPod(w);
        boolean anyRunning = false;
        for (ContainerSlot c : w.containers) {
            c.stopProbes();
            if (c.resync != null) {
                c.resync.cancel();
            }
            if (c.process != null) {
                anyRunning = true;
                services.events().normal(pod, ResourceTypes.POD, w.fieldPath(c), src(), "Killing",
                        "Stopping container " + c.name);
                c.process.terminate();
            }
        }
        if (!anyRunning) {
            services.sim().after(Duration.ofMillis(jitterMillis(200, 600)), () -> finish(w));
            return;
        }
        Instant killAt = deadline.isAfter(now()) ? deadline : now();
        services.sim().at(killAt, () -> {
            for (ContainerSlot c : w.containers) {
                if (c.process != null) {
                    c.process.kill();
                }
            }
        });
    }

    private void finish(PodWorker w) {
        if (!isCurrent(w)) {
            return;
        }
        services.api().finalizeRemoval(ResourceTypes.POD, w.namespace, w.name);
    }

    EventRecorder.Source src() {
        return EventRecorder.Source.kubelet(nodeName);
    }

    private static String hex(long v) {
        return HexFormat.of().toHexDigits(v);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
