package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;

/** The Conditions table of a replication controller or replica set (ReplicaFailure when pods cannot be created). */
final class ReplicaConditions {
    private ReplicaConditions() {}

    static void write(DescribeWriter w, JsonNode conditions) {
        if (conditions.isEmpty()) {
            return;
        }
        w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
        w.write(1, "----\t------\t------\n");
        for (JsonNode c : conditions) {
            // describe.go puts a space after the type, inside its cell
            w.write(1, c.path("type").asText("") + " \t" + c.path("status").asText("") + "\t" + c.path("reason").asText("") + "\n");
        }
    }
}
