package kubetutor.engine.controller.daemonset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.controller.PodFromTemplate;
import kubetutor.engine.api.scheduling.Taint;
import kubetutor.engine.api.scheduling.Toleration;

import java.util.List;
import java.util.Map;

/**
 * The pods a DaemonSet makes (daemon/util): its template with the daemon tolerations and the
 * revision labels, tied to one node by a required node affinity on metadata.name, which the
 * scheduler then honours. The controller never sets spec.nodeName itself.
 */
final class DaemonPods {
    /** The label with the hash of the template revision a pod was made from. */
    static final String REVISION_HASH = "controller-revision-hash";
    /** The annotation the API server keeps on a DaemonSet, counting its template's changes. */
    static final String TEMPLATE_GENERATION_ANNOTATION = "deprecated.daemonset.template.generation";

    /**
     * AddOrUpdateDaemonPodTolerations, in its order: a daemon pod stays on a node that is not ready
     * or unreachable (no tolerationSeconds: the taint eviction controller never evicts it), and
     * ignores the pressure, unschedulable and (host network only) network-unavailable taints.
     */
    private static final List<Taint> DAEMON_TOLERATED = List.of(
            new Taint("node.kubernetes.io/not-ready", "", "NoExecute", null),
            new Taint("node.kubernetes.io/unreachable", "", "NoExecute", null),
            new Taint("node.kubernetes.io/disk-pressure", "", "NoSchedule", null),
            new Taint("node.kubernetes.io/memory-pressure", "", "NoSchedule", null),
            new Taint("node.kubernetes.io/pid-pressure", "", "NoSchedule", null),
            new Taint("node.kubernetes.io/unschedulable", "", "NoSchedule", null));
    private static final Taint NETWORK_UNAVAILABLE = new Taint("node.kubernetes.io/network-unavailable", "", "NoSchedule", null);

    private DaemonPods() {}

    /** CreatePodTemplate: the template every pod of this revision starts from. */
    static ObjectNode template(JsonNode ds, String hash) {
        ObjectNode template = ds.path("spec").path("template").deepCopy();
        ObjectNode spec = template.get("spec") instanceof ObjectNode s ? s : template.putObject("spec");
        addTolerations(spec);
        ObjectNode meta = template.get("metadata") instanceof ObjectNode m ? m : template.putObject("metadata");
        ObjectNode labels = meta.get("labels") instanceof ObjectNode l ? l : meta.putObject("labels");
        String generation = Meta.annotations(ds).get(TEMPLATE_GENERATION_ANNOTATION);
        if (generation != null) {
            labels.put("pod-template-generation", generation);
        }
        labels.put(REVISION_HASH, hash);
        return template;
    }

    /** Each daemon toleration, as v1helper.AddOrUpdateTolerationInPodSpec adds it. */
    private static void addTolerations(ObjectNode spec) {
        ArrayNode tolerations = spec.get("tolerations") instanceof ArrayNode a ? a : spec.putArray("tolerations");
        for (Taint t : DAEMON_TOLERATED) {
            addOrUpdate(tolerations, t);
        }
        if (spec.path("hostNetwork").asBoolean(false)) {
            addOrUpdate(tolerations, NETWORK_UNAVAILABLE);
        }
    }

    /**
     * Appends an Exists toleration of the taint's key and effect; one with the same key, effect,
     * operator and value is replaced in place instead (losing any tolerationSeconds: a daemon pod
     * tolerates for ever).
     */
    private static void addOrUpdate(ArrayNode tolerations, Taint taint) {
        ObjectNode daemon = Meta.JSON.objectNode().put("effect", taint.effect()).put("key", taint.key()).put("operator", "Exists");
        for (int i = 0; i < tolerations.size(); i++) {
            JsonNode t = tolerations.get(i);
            if (t.path("key").asText("").equals(taint.key()) && t.path("effect").asText("").equals(taint.effect())
                    && t.path("operator").asText("").equals("Exists") && t.path("value").asText("").isEmpty()) {
                tolerations.set(i, daemon);
                return;
            }
        }
        tolerations.add(daemon);
    }

    /** The tolerations a daemon pod of this DaemonSet has: what NodeShouldRunDaemonPod checks taints against. */
    static List<Toleration> tolerations(JsonNode ds) {
        ObjectNode spec = ds.path("spec").path("template").path("spec").deepCopy();
        addTolerations(spec);
        return Toleration.of(spec);
    }

    /**
     * controller.GetPodFromTemplate with the DaemonSet's node affinity
     * (ReplaceDaemonSetPodNodeNameNodeAffinity): {@code NAME-} and five characters, owned by the
     * DaemonSet, required to run on {@code node}.
     */
    static ObjectNode pod(JsonNode ds, ObjectNode template, String node, ObjectNode controllerRef) {
        ObjectNode pod = PodFromTemplate.of(ds, template, controllerRef);
        ObjectNode spec = (ObjectNode) pod.get("spec");
        ObjectNode affinity = spec.get("affinity") instanceof ObjectNode a ? a : spec.putObject("affinity");
        ObjectNode nodeAffinity = affinity.get("nodeAffinity") instanceof ObjectNode n ? n : affinity.putObject("nodeAffinity");
        ObjectNode required = nodeAffinity.putObject("requiredDuringSchedulingIgnoredDuringExecution");
        ObjectNode field = required.putArray("nodeSelectorTerms").addObject().putArray("matchFields").addObject();
        field.put("key", "metadata.name");
        field.put("operator", "In");
        field.putArray("values").add(node);
        return pod;
    }

    /** IsPodUpdated: made from the current template (its revision hash, or the template generation of older pods). */
    static boolean isUpdated(JsonNode ds, JsonNode pod, String hash) {
        Map<String, String> labels = Meta.labels(pod);
        String generation = Meta.annotations(ds).get(TEMPLATE_GENERATION_ANNOTATION);
        return hash.equals(labels.get(REVISION_HASH))
                || generation != null && generation.equals(labels.get("pod-template-generation"));
    }

    /**
     * GetTargetNodeName: the node a daemon pod is for, bound or not (the affinity's metadata.name
     * while the scheduler has yet to bind it), or null.
     */
    static String targetNode(JsonNode pod) {
        String bound = pod.path("spec").path("nodeName").asText("");
        if (!bound.isEmpty()) {
            return bound;
        }
        JsonNode terms = pod.path("spec").path("affinity").path("nodeAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution").path("nodeSelectorTerms");
        for (JsonNode term : terms) {
            for (JsonNode f : term.path("matchFields")) {
                if (f.path("key").asText().equals("metadata.name") && f.path("operator").asText().equals("In")) {
                    return f.path("values").size() == 1 ? f.path("values").get(0).asText() : null;
                }
            }
        }
        return null;
    }
}
