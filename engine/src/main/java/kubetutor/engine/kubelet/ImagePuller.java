package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ResourceTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A kubelet's image manager: the images on its node, pulls that take simulated time (the first pull
 * of an image on a node is the slow one, later ones wait for it: serializeImagePulls), pull policies,
 * and the back-off of a pull that fails.
 */
final class ImagePuller {
    /** Pull speed of the simulated registry, bytes per simulated second. */
    private static final double PULL_BYTES_PER_SECOND = 25_000_000;

    private final Kubelet kubelet;
    private final Kubelet.Services services;
    private final Set<String> images = new HashSet<>();
    private final Map<String, Instant> pullsInFlight = new HashMap<>();

    ImagePuller(Kubelet kubelet, Kubelet.Services services) {
        this.kubelet = kubelet;
        this.services = services;
    }

    /** Pulls the image as the pull policy says, then runs {@code then}; a failed pull backs off and retries. */
    void ensure(PodWorker w, ContainerSlot c, Runnable then) {
        String ref = c.image.qualified();
        boolean present = images.contains(ref);
        String policy = c.pullPolicy();
        JsonNode pod = kubelet.currentPod(w);
        if (policy.equals("IfNotPresent") && present || policy.equals("Never") && present) {
            services.events().normal(pod, ResourceTypes.POD, w.fieldPath(c), kubelet.src(), "Pulled",
                    "Container image \"" + c.image.written() + "\" already present on machine");
            then.run();
            return;
        }
        if (policy.equals("Never")) {
            String msg = "Container image \"" + c.image.written() + "\" is not present with pull policy of Never";
            services.events().warning(pod, ResourceTypes.POD, w.fieldPath(c), kubelet.src(), "ErrImageNeverPull", msg);
            c.state = new ContainerState.Waiting("ErrImageNeverPull", msg);
            kubelet.postStatus(w);
            return;
        }
        Instant inFlight = pullsInFlight.get(ref);
        if (!present && inFlight != null && inFlight.isAfter(kubelet.now())) {
            // Pulls are serialized (kubelet's serializeImagePulls): wait for the running pull, then look again.
            services.sim().at(inFlight, () -> {
                if (!w.terminating && kubelet.isCurrent(w)) {
                    ensure(w, c, then);
                }
            });
            return;
        }
        services.events().normal(pod, ResourceTypes.POD, w.fieldPath(c), kubelet.src(), "Pulling",
                "Pulling image \"" + c.image.written() + "\"");
        var image = services.catalog().find(c.image);
        long pullMillis;
        if (image.isEmpty()) {
            pullMillis = kubelet.jitterMillis(800, 1200);
        } else if (present) {
            // Always: the registry is asked again, the layers are already here.
            pullMillis = kubelet.jitterMillis(400, 800);
        } else {
            pullMillis = (long) (image.get().size() / PULL_BYTES_PER_SECOND * 1000) + kubelet.jitterMillis(500, 1500);
        }
        long total = pullMillis;
        if (image.isPresent() && !present) {
            pullsInFlight.put(ref, kubelet.now().plusMillis(total));
        }
        final long pulled = pullMillis;
        services.sim().after(Duration.ofMillis(total), () -> {
            if (w.terminating || !kubelet.isCurrent(w)) {
                return;
            }
            JsonNode p = kubelet.currentPod(w);
            if (image.isEmpty()) {
                pullFailed(w, c, p, then);
                return;
            }
            images.add(ref);
            c.pullBackoff = 10;
            services.events().normal(p, ResourceTypes.POD, w.fieldPath(c), kubelet.src(), "Pulled",
                    "Successfully pulled image \"" + c.image.written() + "\" in " + goDuration(pulled)
                            + " (" + goDuration(total) + " including waiting). Image size: "
                            + image.get().size() + " bytes.");
            then.run();
        });
    }

    private void pullFailed(PodWorker w, ContainerSlot c, JsonNode pod, Runnable then) {
        String ref = c.image.qualified();
        // containerd's resolver: a repository the registry has answers 404 for a tag it lacks; one it
        // does not have (or may not show) answers 401, which containerd words as "pull access denied"
        String why = services.catalog().hasRepository(c.image) ? ref + ": not found"
                : "pull access denied, repository does not exist or may require authorization: server message: "
                + "insufficient_scope: authorization failed";
        String reason = "failed to pull and unpack image \"" + ref + "\": failed to resolve reference \"" + ref
                + "\": " + why;
        String message = "Failed to pull image \"" + c.image.written() + "\": " + reason;
        services.events().warning(pod, ResourceTypes.POD, w.fieldPath(c), kubelet.src(), "Failed", message);
        services.events().warning(pod, ResourceTypes.POD, w.fieldPath(c), kubelet.src(), "Failed", "Error: ErrImagePull");
        c.state = new ContainerState.Waiting("ErrImagePull", message);
        kubelet.postStatus(w);
        int backoff = c.pullBackoff;
        c.pullBackoff = Math.min(300, c.pullBackoff * 2);
        // The next pod sync finds the pull in back-off: that is when ImagePullBackOff shows.
        services.sim().after(Duration.ofMillis(kubelet.jitterMillis(1000, 1000)), () -> {
            if (w.terminating || !kubelet.isCurrent(w)) {
                return;
            }
            JsonNode p = kubelet.currentPod(w);
            services.events().normal(p, ResourceTypes.POD, w.fieldPath(c), kubelet.src(), "BackOff",
                    "Back-off pulling image \"" + c.image.written() + "\"");
            services.events().warning(p, ResourceTypes.POD, w.fieldPath(c), kubelet.src(), "Failed", "Error: ImagePullBackOff");
            c.state = new ContainerState.Waiting("ImagePullBackOff", "Back-off pulling image \"" + c.image.written()
                    + "\": ErrImagePull: " + reason);
            kubelet.postStatus(w);
        });
        services.sim().after(Duration.ofSeconds(backoff), () -> {
            if (!w.terminating && kubelet.isCurrent(w)) {
                ensure(w, c, then);
            }
        });
    }

    /** Go's time.Duration String() at millisecond precision: "812ms", "5.617s", "1m2.5s". */
    static String goDuration(long millis) {
        if (millis < 1000) {
            return millis + "ms";
        }
        long minutes = millis / 60000;
        long rest = millis % 60000;
        String seconds = trimZeros(rest / 1000 + "." + String.valueOf(1000 + rest % 1000).substring(1)) + "s";
        return minutes > 0 ? minutes + "m" + seconds : seconds;
    }

    private static String trimZeros(String s) {
        String t = s.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
