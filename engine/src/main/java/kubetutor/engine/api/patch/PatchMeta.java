package kubetutor.engine.api.patch;

import java.util.Map;
import java.util.Optional;

/**
 * The strategic merge patch strategies of the served kinds: the patchStrategy and patchMergeKey
 * tags of k8s.io/api's Go structs (core/v1, apps/v1, meta/v1), by struct and JSON field. A list
 * without an entry is replaced whole by a patch; a struct or map without one is merged. The OpenAPI
 * documents publish the same tags as x-kubernetes-patch-strategy and -merge-key.
 *
 * @param merge     the list merges (by {@code key}, or as a set of values when the key is empty)
 * @param key       the merge key of a list of objects
 * @param retainKeys the field takes the $retainKeys directive
 */
public record PatchMeta(boolean merge, String key, boolean retainKeys) {
    private static final PatchMeta NONE = new PatchMeta(false, "", false);

    private static final Map<String, PatchMeta> TAGS = Map.ofEntries(
            merge("ObjectMeta.ownerReferences", "uid"),
            merge("ObjectMeta.finalizers", ""),
            merge("PodSpec.volumes", "name", true),
            merge("PodSpec.initContainers", "name"),
            merge("PodSpec.containers", "name"),
            merge("PodSpec.ephemeralContainers", "name"),
            merge("PodSpec.imagePullSecrets", "name"),
            merge("PodSpec.hostAliases", "ip"),
            merge("PodSpec.topologySpreadConstraints", "topologyKey"),
            merge("PodSpec.schedulingGates", "name"),
            merge("PodSpec.resourceClaims", "name", true),
            merge("Container.ports", "containerPort"),
            merge("Container.env", "name"),
            merge("Container.volumeMounts", "mountPath"),
            merge("Container.volumeDevices", "devicePath"),
            merge("EphemeralContainer.ports", "containerPort"),
            merge("EphemeralContainer.env", "name"),
            merge("EphemeralContainer.volumeMounts", "mountPath"),
            merge("EphemeralContainer.volumeDevices", "devicePath"),
            merge("PodStatus.conditions", "type"),
            merge("PodStatus.hostIPs", "ip"),
            merge("PodStatus.podIPs", "ip"),
            merge("PodStatus.resourceClaimStatuses", "name", true),
            merge("ContainerStatus.volumeMounts", "mountPath"),
            merge("ContainerStatus.allocatedResourcesStatus", "name"),
            merge("ReplicationControllerStatus.conditions", "type"),
            merge("ServiceSpec.ports", "port"),
            merge("ServiceStatus.conditions", "type"),
            merge("ServiceAccount.secrets", "name"),
            merge("NodeSpec.podCIDRs", ""),
            merge("NodeStatus.conditions", "type"),
            merge("NodeStatus.addresses", "type"),
            merge("NamespaceStatus.conditions", "type"),
            Map.entry("DeploymentSpec.strategy", new PatchMeta(false, "", true)),
            merge("DeploymentStatus.conditions", "type"),
            merge("ReplicaSetStatus.conditions", "type"),
            merge("DaemonSetStatus.conditions", "type"));

    /** The tags of field {@code field} of struct {@code type}. */
    public static PatchMeta of(String type, String field) {
        return Optional.ofNullable(TAGS.get(type + "." + field)).orElse(NONE);
    }

    private static Map.Entry<String, PatchMeta> merge(String field, String key) {
        return merge(field, key, false);
    }

    private static Map.Entry<String, PatchMeta> merge(String field, String key, boolean retainKeys) {
        return Map.entry(field, new PatchMeta(true, key, retainKeys));
    }
}
