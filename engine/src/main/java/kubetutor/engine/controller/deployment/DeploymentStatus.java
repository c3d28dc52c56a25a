package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;

import java.util.ArrayList;
import java.util.List;

/** A DeploymentStatus, and SetDeploymentCondition's rules for changing its conditions. */
record DeploymentStatus(long observedGeneration, int replicas, int updatedReplicas, int readyReplicas,
                        int availableReplicas, int unavailableReplicas, List<Condition> conditions, Integer collisionCount) {

    static DeploymentStatus of(JsonNode deployment) {
        JsonNode s = deployment.path("status");
        List<Condition> conditions = new ArrayList<>();
        s.path("conditions").forEach(c -> conditions.add(Condition.of(c)));
        JsonNode collisions = s.get("collisionCount");
        return new DeploymentStatus(s.path("observedGeneration").asLong(0), s.path("replicas").asInt(0),
                s.path("updatedReplicas").asInt(0), s.path("readyReplicas").asInt(0), s.path("availableReplicas").asInt(0),
                s.path("unavailableReplicas").asInt(0), List.copyOf(conditions),
                collisions == null || collisions.isNull() ? null : collisions.asInt());
    }

    Condition condition(String type) {
        for (Condition c : conditions) {
            if (c.type().equals(type)) {
                return c;
            }
        }
        return null;
    }

    /**
     * SetDeploymentCondition: nothing changes when a condition of that type has the same status and
     * reason; otherwise the new one replaces it at the end of the list, keeping its transition
     * time when only the reason changed.
     */
    DeploymentStatus with(Condition c) {
        Condition current = condition(c.type());
        if (current != null && current.status().equals(c.status()) && current.reason().equals(c.reason())) {
            return this;
        }
        if (current != null && current.status().equals(c.status())) {
            c = c.transitionedAt(current.lastTransitionTime());
        }
        List<Condition> next = new ArrayList<>(without(c.type()).conditions);
        next.add(c);
        return withConditions(next);
    }

    DeploymentStatus without(String type) {
        return withConditions(conditions.stream().filter(c -> !c.type().equals(type)).toList());
    }

    DeploymentStatus withCollisionCount(int count) {
        return new DeploymentStatus(observedGeneration, replicas, updatedReplicas, readyReplicas, availableReplicas,
                unavailableReplicas, conditions, count);
    }

    private DeploymentStatus withConditions(List<Condition> next) {
        return new DeploymentStatus(observedGeneration, replicas, updatedReplicas, readyReplicas, availableReplicas,
                unavailableReplicas, List.copyOf(next), collisionCount);
    }

    /** In DeploymentStatus's field order; zero counts are left out (omitempty). */
    ObjectNode toJson() {
        ObjectNode s = Meta.JSON.objectNode();
        putCount(s, "observedGeneration", observedGeneration);
        putCount(s, "replicas", replicas);
        putCount(s, "updatedReplicas", updatedReplicas);
        putCount(s, "readyReplicas", readyReplicas);
        putCount(s, "availableReplicas", availableReplicas);
        putCount(s, "unavailableReplicas", unavailableReplicas);
        if (!conditions.isEmpty()) {
            ArrayNode list = s.putArray("conditions");
            conditions.forEach(c -> list.add(c.toJson()));
        }
        if (collisionCount != null) {
            s.put("collisionCount", collisionCount);
        }
        return s;
    }

    private static void putCount(ObjectNode s, String field, long n) {
        if (n != 0) {
            s.put(field, n);
        }
    }
}
