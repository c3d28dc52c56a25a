package kubetutor.engine.kubectl.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiStore;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.format.JsonWriter;
import kubetutor.engine.kubectl.Formats;
import kubetutor.engine.selector.LabelSelector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A deployment's ReplicaSets as kubectl's deployment util reads them for history and undo
 * (GetAllReplicaSets): those the deployment controls and its selector matches, oldest first, the
 * one whose template is the deployment's ("new") last. Each carries its revision annotation.
 */
public final class DeploymentRevisions {
    public static final String REVISION = "deployment.kubernetes.io/revision";
    public static final String HASH_LABEL = "pod-template-hash";

    private DeploymentRevisions() {}

    /** A ReplicaSet with the revision its annotation gives (0 without one, as deploymentutil.Revision). */
    public record Revision(long number, ObjectNode replicaSet) {
        public JsonNode template() {
            return replicaSet.path("spec").path("template");
        }
    }

    public static List<Revision> of(ApiStore store, JsonNode deployment) {
        LabelSelector selector = LabelSelector.fromApi(deployment.path("spec").path("selector"));
        String uid = Meta.uid(deployment);
        List<ObjectNode> owned = new ArrayList<>();
        for (ObjectNode rs : store.list(ResourceTypes.REPLICA_SET, Meta.namespace(deployment))) {
            JsonNode controller = Meta.controllerRef(rs);
            if (controller != null && controller.path("uid").asText().equals(uid) && selector.matches(Meta.labels(rs))) {
                owned.add(rs);
            }
        }
        // FindNewReplicaSet sorts the list it is given by creation time, and the old ones keep that order
        owned.sort(Comparator.comparing(Meta::creationTime).thenComparing(Meta::name));
        ObjectNode newest = null;
        for (ObjectNode rs : owned) {
            if (sameTemplate(rs.path("spec").path("template"), deployment.path("spec").path("template"))) {
                newest = rs;
                break;
            }
        }
        List<Revision> out = new ArrayList<>();
        for (ObjectNode rs : owned) {
            if (rs != newest) {
                revision(rs).ifPresent(n -> out.add(new Revision(n, rs)));
            }
        }
        if (newest != null) {
            ObjectNode rs = newest;
            revision(rs).ifPresent(n -> out.add(new Revision(n, rs)));
        }
        return out;
    }

    /** The revision annotation of an object; empty when it is not a number (kubectl skips those). */
    public static java.util.Optional<Long> revision(JsonNode obj) {
        String v = Meta.annotations(obj).get(REVISION);
        if (v == null) {
            return java.util.Optional.of(0L);
        }
        try {
            return java.util.Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * EqualIgnoreHash: two pod templates are the same but for the pod-template-hash label, compared
     * as API equality does (an empty map or list is as good as none).
     */
    public static boolean sameTemplate(JsonNode a, JsonNode b) {
        return canonical(a).equals(canonical(b));
    }

    /** A template without its pod-template-hash label (what undo writes back into the deployment). */
    public static ObjectNode withoutHash(JsonNode template) {
        ObjectNode copy = template.isObject() ? ((ObjectNode) template).deepCopy() : Meta.JSON.objectNode();
        JsonNode labels = copy.path("metadata").path("labels");
        if (labels.isObject()) {
            ((ObjectNode) labels).remove(HASH_LABEL);
        }
        return copy;
    }

    private static String canonical(JsonNode template) {
        ObjectNode copy = withoutHash(template);
        prune(copy);
        return JsonWriter.compact(Formats.sorted(copy));
    }

    /** Drops nulls and empty maps and lists, which typed Go structs do not tell from absent ones. */
    private static boolean prune(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                if (prune(it.next().getValue())) {
                    it.remove();
                }
            }
            return node.isEmpty();
        }
        if (node.isArray()) {
            node.forEach(DeploymentRevisions::prune);
            return node.isEmpty();
        }
        return node.isNull();
    }
}
