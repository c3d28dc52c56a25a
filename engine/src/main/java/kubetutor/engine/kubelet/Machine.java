package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.sim.Rng;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.util.Map;

/**
 * The machine a kubelet runs on, and its power switch. Off, the kubelet stops (no heartbeats, no
 * status, no watch) and every container dies with it, unreported. On, the machine boots, then the
 * kubelet starts: it reports the node Ready again, finishes the deletions requested while it was
 * away, and runs the other pods bound to it again, each in a new sandbox.
 */
public final class Machine {
    /** From power-on to a running kubelet: a lab VM's boot, 20 to 25 seconds. */
    public static final Duration BOOT_TIME = Duration.ofSeconds(20);
    private static final Duration BOOT_SPREAD = Duration.ofSeconds(5);

    private final Kubelet kubelet;
    private final Kubelet.Services services;
    private final NodeHeartbeat heartbeat;
    /** The machine's own stream (how long each boot takes): a draw here moves no container id. */
    private final Rng rng;
    private boolean running = true;
    private Simulation.Scheduled booting;
    /** What the kubelet knew of its pods when the power went: on disk, it finds it again at boot. */
    private Map<String, PodWorker> beforePowerOff = Map.of();

    Machine(Kubelet kubelet, Kubelet.Services services, NodeHeartbeat heartbeat) {
        this.kubelet = kubelet;
        this.services = services;
        this.heartbeat = heartbeat;
        this.rng = services.rng().fork("machine/" + kubelet.nodeName());
    }

    /** Whether the machine is on and its kubelet runs (the API server can reach it). */
    public boolean isRunning() {
        return running;
    }

    /** Whether the machine was switched on and its kubelet is not running yet. */
    public boolean isBooting() {
        return booting != null;
    }

    /** Switched off; switched off while booting, it just does not finish. */
    public void powerOff() {
        if (booting != null) {
            booting.cancel();
            booting = null;
            return;
        }
        running = false;
        heartbeat.stop();
        beforePowerOff = kubelet.stopAll();
    }

    public void powerOn() {
        // In whole microseconds: a kubelet's timestamps (its lease's renewTime) keep no finer ones.
        long spread = (long) (rng.nextDouble() * BOOT_SPREAD.toNanos() / 1000);
        booting = services.sim().after(BOOT_TIME.plusNanos(1000 * spread), this::boot);
    }

    /**
     * The kubelet starts: a pod it ran before goes into a new sandbox, its containers found dead
     * (a restart each, last state Unknown with exit code 255); a pod deleted meanwhile is removed,
     * its containers being gone already; a pod bound meanwhile starts as any new one.
     */
    private void boot() {
        booting = null;
        running = true;
        heartbeat.start(true);
        for (ObjectNode pod : services.api().store().list(ResourceTypes.POD, null)) {
            if (!kubelet.nodeName().equals(pod.path("spec").path("nodeName").asText(""))) {
                continue;
            }
            PodWorker before = beforePowerOff.get(Meta.namespace(pod) + "/" + Meta.name(pod));
            if (Meta.isTerminating(pod) || before == null || !before.uid.equals(Meta.uid(pod))) {
                kubelet.sync(pod);
            } else {
                kubelet.restart(pod, before);
            }
        }
        beforePowerOff = Map.of();
    }
}
