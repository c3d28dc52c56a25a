package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;

import java.time.Instant;

/** A DeploymentCondition; times as the API writes them (RFC 3339, whole seconds). */
record Condition(String type, String status, String lastUpdateTime, String lastTransitionTime, String reason,
                 String message) {
    static final String AVAILABLE = "Available";
    static final String PROGRESSING = "Progressing";
    static final String REPLICA_FAILURE = "ReplicaFailure";

    /** NewDeploymentCondition: updated and transitioned now. */
    static Condition now(String type, String status, String reason, String message, Instant now) {
        String t = Meta.timestamp(now);
        return new Condition(type, status, t, t, reason, message);
    }

    static Condition of(JsonNode c) {
        return new Condition(c.path("type").asText(""), c.path("status").asText(""), c.path("lastUpdateTime").asText(null),
                c.path("lastTransitionTime").asText(null), c.path("reason").asText(""), c.path("message").asText(""));
    }

    /** ReplicaSetToDeploymentCondition: a ReplicaSet's ReplicaFailure, updated when it transitioned. */
    static Condition fromReplicaSet(JsonNode c) {
        String since = c.path("lastTransitionTime").asText(null);
        return new Condition(c.path("type").asText(""), c.path("status").asText(""), since, since,
                c.path("reason").asText(""), c.path("message").asText(""));
    }

    Condition transitionedAt(String time) {
        return new Condition(type, status, lastUpdateTime, time, reason, message);
    }

    Instant updated() {
        Instant t = Meta.parseTime(lastUpdateTime == null ? null : Meta.JSON.textNode(lastUpdateTime));
        return t == null ? Instant.EPOCH : t;
    }

    /** In DeploymentCondition's field order. */
    ObjectNode toJson() {
        ObjectNode c = Meta.JSON.objectNode();
        c.put("type", type);
        c.put("status", status);
        putTime(c, "lastUpdateTime", lastUpdateTime);
        putTime(c, "lastTransitionTime", lastTransitionTime);
        c.put("reason", reason);
        c.put("message", message);
        return c;
    }

    private static void putTime(ObjectNode c, String field, String time) {
        if (time != null) {
            c.put(field, time);
        }
    }
}
