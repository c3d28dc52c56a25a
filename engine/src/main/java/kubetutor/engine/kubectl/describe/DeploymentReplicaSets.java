package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.controller.deployment.PodTemplateHash;
import kubetutor.engine.selector.LabelSelector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * kubectl's deploymentutil.GetAllReplicaSetsInChunks, as describe uses it: the ReplicaSets the
 * deployment's selector matches and the deployment controls; the new one is the oldest whose
 * template is the deployment's (ignoring the pod-template-hash label); the old ones are all the
 * others, scaled to zero or not (describe takes its "all old" result), in the order the API lists them.
 */
record DeploymentReplicaSets(JsonNode newRs, List<JsonNode> old) {

    static DeploymentReplicaSets of(DescribeContext ctx, JsonNode d) {
        LabelSelector selector = LabelSelector.fromApi(d.path("spec").path("selector"));
        List<JsonNode> owned = new ArrayList<>();
        for (JsonNode rs : ctx.list(ResourceTypes.REPLICA_SET, Meta.namespace(d))) {
            JsonNode ref = Meta.controllerRef(rs);
            if (selector.matches(Meta.labels(rs)) && ref != null && ref.path("uid").asText("").equals(Meta.uid(d))) {
                owned.add(rs);
            }
        }
        List<JsonNode> oldestFirst = new ArrayList<>(owned);
        oldestFirst.sort(Comparator.comparing((JsonNode rs) -> {
            Instant t = Meta.creationTime(rs);
            return t == null ? Instant.EPOCH : t;
        }).thenComparing(Meta::name));
        JsonNode newRs = null;
        for (JsonNode rs : oldestFirst) {
            if (PodTemplateHash.equalIgnoreHash(rs.path("spec").path("template"), d.path("spec").path("template"))) {
                newRs = rs;
                break;
            }
        }
        List<JsonNode> old = new ArrayList<>();
        for (JsonNode rs : owned) {
            if (rs != newRs) {
                old.add(rs);
            }
        }
        return new DeploymentReplicaSets(newRs, old);
    }
}
