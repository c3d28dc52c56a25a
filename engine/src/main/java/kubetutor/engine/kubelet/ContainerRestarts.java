package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ResourceTypes;

import java.time.Duration;
import java.time.Instant;

/**
 * Why and when the kubelet starts a container again: after a crash (with the crash back-off), after
 * killing it for a failed probe, and after killing it because its spec changed (a new image).
 */
final class ContainerRestarts {
    private final Kubelet kubelet;
    private final Kubelet.Services services;
    private final ImagePuller puller;

    ContainerRestarts(Kubelet kubelet, Kubelet.Services services, ImagePuller puller) {
        this.kubelet = kubelet;
        this.services = services;
        this.puller = puller;
    }

    /**
     * kubelet's doBackOff with flowcontrol.Backoff: the first restart after a crash is immediate,
     * each later one waits 10s doubling to 5m since the crash, and a container that ran for 10
     * minutes starts again from scratch. While waiting the container shows CrashLoopBackOff and every
     * pod sync (each 10s) records a BackOff event.
     */
    void restartOrBackOff(PodWorker w, ContainerSlot c, ContainerState.Terminated crash) {
        c.resync = null;
        if (w.terminating || !kubelet.isCurrent(w)) {
            return;
        }
        Instant now = kubelet.now();
        if (c.crashBackoff != null && !expired(crash.finishedAt(), c.crashBackoffUpdated)
                && Duration.between(crash.finishedAt(), now).compareTo(c.crashBackoff) < 0) {
            String pod = w.name + "_" + w.namespace + "(" + w.uid + ")";
            if (!(c.state instanceof ContainerState.Waiting waiting && waiting.reason().equals(CRASH_LOOP))) {
                c.lastState = crash;
                c.state = new ContainerState.Waiting(CRASH_LOOP, "back-off " + goSeconds(c.crashBackoff)
                        + " restarting failed container=" + c.name + " pod=" + pod);
                w.recomputePhase();
                kubelet.postStatus(w);
            }
            services.events().warning(kubelet.currentPod(w), ResourceTypes.POD, w.fieldPath(c), kubelet.src(), "BackOff",
                    "Back-off restarting failed container " + c.name + " in pod " + pod);
            c.resync = services.sim().after(Duration.ofSeconds(10), () -> restartOrBackOff(w, c, crash));
            return;
        }
        if (c.crashBackoff == null || expired(now, c.crashBackoffUpdated)) {
            c.crashBackoff = Duration.ofSeconds(10);
        } else {
            Duration doubled = c.crashBackoff.multipliedBy(2);
            c.crashBackoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
        }
        c.crashBackoffUpdated = now;
        puller.ensure(w, c, () -> kubelet.run(w, c));
    }

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final String CRASH_LOOP = "CrashLoopBackOff";

    /**
     * The runtime created the container but could not start its process (a command the image does
     * not have). containerd keeps it as exited: reason StartError, exit code 128, containerd's message,
     * and a start time of zero (the Unix epoch), since it never ran. The kubelet records a Failed event
     * and remembers the failure (its reasonCache), so until the next sync the container waits with
     * reason RunContainerError; the restart policy then decides as after a crash.
     */
    void startFailed(PodWorker w, ContainerSlot c, String message) {
        services.events().warning(kubelet.currentPod(w), ResourceTypes.POD, w.fieldPath(c), kubelet.src(), "Failed",
                "Error: " + message);
        ContainerState.Terminated t = new ContainerState.Terminated(128, "StartError", message, Instant.EPOCH,
                kubelet.now(), c.containerId);
        c.process = null;
        c.ready = false;
        c.started = false;
        String policy = w.spec.path("restartPolicy").asText("Always");
        boolean restart = policy.equals("Always") || policy.equals("OnFailure");
        if (restart) {
            c.lastState = t;
            c.state = new ContainerState.Waiting("RunContainerError", message);
        } else {
            c.state = t;
        }
        w.recomputePhase();
        kubelet.postStatus(w);
        if (restart) {
            c.resync = services.sim().after(Duration.ofSeconds(1), () -> restartOrBackOff(w, c, t));
        }
    }

    /** Go's Duration.String() for whole seconds: "10s", "1m20s", "5m0s". */
    static String goSeconds(Duration d) {
        long s = d.getSeconds();
        return s < 60 ? s + "s" : s / 60 + "m" + s % 60 + "s";
    }

    private static boolean expired(Instant at, Instant lastUpdate) {
        return Duration.between(lastUpdate, at).compareTo(MAX_BACKOFF.multipliedBy(2)) > 0;
    }

    /** Stops the container with its grace period; the restart policy then decides what follows. */
    void killForProbe(PodWorker w, ContainerSlot c, String probe) {
        c.killing = true;
        services.events().normal(kubelet.currentPod(w), ResourceTypes.POD, w.fieldPath(c), kubelet.src(), "Killing",
                "Container " + c.name + " failed " + probe + " probe, will be restarted");
        ContainerRuntime.Process p = c.process;
        long grace = c.spec.path(probe + "Probe").path("terminationGracePeriodSeconds")
                .asLong(w.spec.path("terminationGracePeriodSeconds").asLong(30));
        p.terminate();
        services.sim().after(Duration.ofSeconds(grace), () -> {
            if (c.process == p) {
                p.kill();
            }
        });
    }


    /**
     * computePodActions (pkg/kubelet/kuberuntime/kuberuntime_manager.go): a container whose spec hash
     * changed (an update may change only the image) is killed whatever the restart policy, with the
     * message "Container X definition changed, will be restarted", and started again in the same
     * sync. One that is not running starts at once: back-off is keyed by the spec hash (crashes) or
     * the image (pulls), and the new spec has none yet.
     */
    void definitionChanged(PodWorker w, ContainerSlot c, JsonNode newSpec) {
        c.respec(newSpec);
        c.crashBackoff = null;
        c.pullBackoff = 10;
        if (c.process == null) {
            // Not running: the restart policy decides as before (a pending restart goes now); a
            // container still waiting for its first pull takes the new image at its next try.
            if (c.resync != null) {
                c.resync.cancel();
                c.resync = null;
                puller.ensure(w, c, () -> kubelet.run(w, c));
            }
            return;
        }
        c.killing = true;
        c.restartNow = true;
        services.events().normal(kubelet.currentPod(w), ResourceTypes.POD, w.fieldPath(c), kubelet.src(), "Killing",
                "Container " + c.name + " definition changed, will be restarted");
        ContainerRuntime.Process p = c.process;
        long grace = w.spec.path("terminationGracePeriodSeconds").asLong(30);
        p.terminate();
        services.sim().after(Duration.ofSeconds(grace), () -> {
            if (c.process == p) {
                p.kill();
            }
        });
    }

    /** The container stopped: true when the kubelet starts it again now, whatever the restart policy. */
    boolean restartedAfterKill(PodWorker w, ContainerSlot c) {
        if (!c.restartNow) {
            return false;
        }
        c.restartNow = false;
        puller.ensure(w, c, () -> kubelet.run(w, c));
        return true;
    }
}
