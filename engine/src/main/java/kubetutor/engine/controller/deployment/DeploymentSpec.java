package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the deployment controller reads off a Deployment's spec, and the bounds of a rolling update
 * resolved against its replica count (deployment_util.go ResolveFenceposts, MaxSurge, MaxUnavailable).
 *
 * @param maxSurge                as written ("25%", 1), or null when missing
 * @param maxUnavailable          likewise
 * @param progressDeadlineSeconds null when not set (no progress is estimated then)
 * @param revisionHistoryLimit    null when not set (old ReplicaSets are kept for ever then)
 */
record DeploymentSpec(int replicas, boolean recreate, JsonNode maxSurge, JsonNode maxUnavailable, int minReadySeconds,
                      Integer progressDeadlineSeconds, Integer revisionHistoryLimit, boolean paused) {
    /** Go's math.MaxInt32, which both optional limits also read as "not set". */
    private static final int UNSET = Integer.MAX_VALUE;

    static DeploymentSpec of(JsonNode deployment) {
        JsonNode spec = deployment.path("spec");
        JsonNode rolling = spec.path("strategy").path("rollingUpdate");
        return new DeploymentSpec(spec.path("replicas").asInt(1),
                spec.path("strategy").path("type").asText("").equals("Recreate"),
                rolling.get("maxSurge"), rolling.get("maxUnavailable"), spec.path("minReadySeconds").asInt(0),
                optional(spec.get("progressDeadlineSeconds")), optional(spec.get("revisionHistoryLimit")),
                spec.path("paused").asBoolean(false));
    }

    private static Integer optional(JsonNode v) {
        return v == null || v.isNull() || v.asInt() == UNSET ? null : v.asInt();
    }

    /** MaxSurge: how many pods a rolling update may run above the replica count; none for Recreate. */
    int surge() {
        return recreate ? 0 : fenceposts().surge();
    }

    /** MaxUnavailable: how many of the replicas may be unavailable; none for Recreate or no replicas, never more than all. */
    int unavailable() {
        if (recreate || replicas == 0) {
            return 0;
        }
        return Math.min(fenceposts().unavailable(), replicas);
    }

    /** The deployment.kubernetes.io/max-replicas a ReplicaSet carries: the replicas plus the surge. */
    int maxReplicas() {
        return replicas + surge();
    }

    /** A rolling update's two bounds, in pods. */
    record Fenceposts(int surge, int unavailable) {}

    /**
     * ResolveFenceposts: the surge rounds up, the unavailable count rounds down; when both come to
     * zero (validation forbids writing both as 0, but rounding can get there) one pod may be
     * unavailable, on the theory that a surge might not fit in a quota.
     */
    Fenceposts fenceposts() {
        int surge = scaled(maxSurge, replicas, true);
        int unavailable = scaled(maxUnavailable, replicas, false);
        return new Fenceposts(surge, surge == 0 && unavailable == 0 ? 1 : unavailable);
    }

    /**
     * intstr.GetScaledValueFromIntOrPercent: a number as is, "N%" of {@code total} rounded as asked.
     * Anything else is an error there; validation keeps it out, and it counts as 0 here.
     */
    private static int scaled(JsonNode v, int total, boolean roundUp) {
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isTextual()) {
            return v.asInt();
        }
        String s = v.asText();
        if (!s.endsWith("%")) {
            return 0;
        }
        int percent;
        try {
            percent = Integer.parseInt(s.substring(0, s.length() - 1));
        } catch (NumberFormatException e) {
            return 0;
        }
        double exact = (double) percent * (double) total / 100;
        return (int) (roundUp ? Math.ceil(exact) : Math.floor(exact));
    }
}
