package kubetutor.engine.controller.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * progress.go: the Progressing condition of a rollout and its deadline. Any progress (more pods
 * updated, fewer old ones, more ready or available) renews the condition; a rollout complete says
 * so; a rollout that made none for progressDeadlineSeconds is marked as having timed out, once. The
 * deadline is checked by a sync queued for the moment it passes, since nothing else may come.
 */
final class Progress {
    static final String UPDATED = "ReplicaSetUpdated";
    static final String AVAILABLE = "NewReplicaSetAvailable";
    static final String TIMED_OUT = "ProgressDeadlineExceeded";
    static final String PAUSED = "DeploymentPaused";
    static final String RESUMED = "DeploymentResumed";

    /** Go's requeue for a check already due goes through the rate limiter, whose first delay is this. */
    private static final Duration RATE_LIMITED = Duration.ofMillis(5);

    private Progress() {}

    /**
     * syncRolloutStatus: the status with the progress conditions and the ReplicaSets' failures,
     * written when it changed. When nothing changed, {@code requeue} is asked to look again when the
     * deadline would pass.
     */
    static void syncRolloutStatus(Rollout r, ReplicaSetGroups groups, Consumer<Duration> requeue) {
        DeploymentSpec spec = r.spec();
        DeploymentStatus status = StatusCalculation.calculate(r, groups);
        if (spec.progressDeadlineSeconds() == null) {
            status = status.without(Condition.PROGRESSING);
        }
        Condition current = r.status().condition(Condition.PROGRESSING);
        boolean alreadyComplete = status.replicas() == status.updatedReplicas() && current != null
                && current.reason().equals(AVAILABLE);
        String subject = groups.newRs() == null ? "Deployment \"" + r.name() + "\"" : "ReplicaSet \"" + groups.newRs().name() + "\"";
        if (spec.progressDeadlineSeconds() != null && !alreadyComplete) {
            if (StatusCalculation.complete(r, status)) {
                status = status.with(Condition.now(Condition.PROGRESSING, "True", AVAILABLE,
                        subject + " has successfully progressed.", r.now()));
            } else if (progressing(r.status(), status)) {
                Condition c = Condition.now(Condition.PROGRESSING, "True", UPDATED, subject + " is progressing.", r.now());
                if (current != null) {
                    // Progress renews the condition's update time; its transition time stays while it stays True.
                    if (current.status().equals("True")) {
                        c = c.transitionedAt(current.lastTransitionTime());
                    }
                    status = status.without(Condition.PROGRESSING);
                }
                status = status.with(c);
            } else if (timedOut(spec, status, r.now())) {
                status = status.with(Condition.now(Condition.PROGRESSING, "False", TIMED_OUT,
                        subject + " has timed out progressing.", r.now()));
            }
        }
        status = withReplicaFailure(status, groups);
        if (status.equals(r.status())) {
            requeueStuck(r, status, requeue);
            return;
        }
        r.writeStatus(status);
    }

    /** syncDeploymentStatus: counts and availability only, for paused, scaled or deleted deployments. */
    static void syncDeploymentStatus(Rollout r, ReplicaSetGroups groups) {
        DeploymentStatus status = StatusCalculation.calculate(r, groups);
        if (!status.equals(r.status())) {
            r.writeStatus(status);
        }
    }

    /**
     * checkPausedConditions: a paused deployment says so in its Progressing condition, a resumed one
     * too, so that the time it spent paused does not count against its deadline. A deadline already
     * exceeded stays reported.
     */
    static void checkPaused(Rollout r) {
        DeploymentSpec spec = r.spec();
        if (spec.progressDeadlineSeconds() == null) {
            return;
        }
        DeploymentStatus status = r.status();
        Condition c = status.condition(Condition.PROGRESSING);
        if (c != null && c.reason().equals(TIMED_OUT)) {
            return;
        }
        boolean pausedCondition = c != null && c.reason().equals(PAUSED);
        if (spec.paused() && !pausedCondition) {
            r.writeStatus(status.with(Condition.now(Condition.PROGRESSING, "Unknown", PAUSED, "Deployment is paused", r.now())));
        } else if (!spec.paused() && pausedCondition) {
            r.writeStatus(status.with(Condition.now(Condition.PROGRESSING, "Unknown", RESUMED, "Deployment is resumed", r.now())));
        }
    }

    /** DeploymentProgressing: compared with the status the deployment had. */
    private static boolean progressing(DeploymentStatus was, DeploymentStatus now) {
        return now.updatedReplicas() > was.updatedReplicas()
                || now.replicas() - now.updatedReplicas() < was.replicas() - was.updatedReplicas()
                || now.readyReplicas() > was.readyReplicas()
                || now.availableReplicas() > was.availableReplicas();
    }

    /** DeploymentTimedOut: no progress noted for longer than the deadline (strictly). */
    private static boolean timedOut(DeploymentSpec spec, DeploymentStatus status, Instant now) {
        Condition c = status.condition(Condition.PROGRESSING);
        if (c == null || c.reason().equals(AVAILABLE)) {
            return false;
        }
        if (c.reason().equals(TIMED_OUT)) {
            return true;
        }
        return c.updated().plusSeconds(spec.progressDeadlineSeconds()).isBefore(now);
    }

    /**
     * requeueStuckDeployment: a rollout neither complete nor timed out is looked at again when its
     * deadline passes, a second late (as the controller adds one against clock skew).
     */
    private static void requeueStuck(Rollout r, DeploymentStatus status, Consumer<Duration> requeue) {
        DeploymentSpec spec = r.spec();
        Condition current = r.status().condition(Condition.PROGRESSING);
        if (spec.progressDeadlineSeconds() == null || current == null) {
            return;
        }
        if (StatusCalculation.complete(r, status) || current.reason().equals(TIMED_OUT)) {
            return;
        }
        Duration after = Duration.between(r.now(), current.updated().plusSeconds(spec.progressDeadlineSeconds()));
        requeue.accept(after.compareTo(Duration.ofSeconds(1)) < 0 ? RATE_LIMITED : after.plusSeconds(1));
    }

    /** getReplicaFailures: the new ReplicaSet's ReplicaFailure, else an old one's, becomes the deployment's. */
    private static DeploymentStatus withReplicaFailure(DeploymentStatus status, ReplicaSetGroups groups) {
        Condition failure = null;
        if (groups.newRs() != null) {
            failure = replicaFailure(groups.newRs());
        }
        for (ReplicaSetState rs : groups.all()) {
            if (failure == null) {
                failure = replicaFailure(rs);
            }
        }
        return failure == null ? status.without(Condition.REPLICA_FAILURE) : status.with(failure);
    }

    private static Condition replicaFailure(ReplicaSetState rs) {
        for (var c : rs.object().path("status").path("conditions")) {
            if (c.path("type").asText("").equals(Condition.REPLICA_FAILURE)) {
                return Condition.fromReplicaSet(c);
            }
        }
        return null;
    }
}
