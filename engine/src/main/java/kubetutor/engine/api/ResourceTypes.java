package kubetutor.engine.api;

import java.util.List;
import java.util.Optional;

/** The kinds the simulated cluster serves, in discovery order (the order {@code get all} prints). */
public final class ResourceTypes {
    private static final List<String> ALL = List.of("all");

    public static final ResourceType POD = new ResourceType("Pod", "pods", "pod", List.of("po"), "", "v1", true, ALL);
    public static final ResourceType REPLICATION_CONTROLLER = new ResourceType("ReplicationController",
            "replicationcontrollers", "replicationcontroller", List.of("rc"), "", "v1", true, ALL);
    public static final ResourceType SERVICE = new ResourceType("Service", "services", "service", List.of("svc"), "", "v1", true, ALL);
    public static final ResourceType DAEMON_SET = new ResourceType("DaemonSet", "daemonsets", "daemonset",
            List.of("ds"), "apps", "v1", true, ALL);
    public static final ResourceType DEPLOYMENT = new ResourceType("Deployment", "deployments", "deployment",
            List.of("deploy"), "apps", "v1", true, ALL);
    public static final ResourceType REPLICA_SET = new ResourceType("ReplicaSet", "replicasets", "replicaset",
            List.of("rs"), "apps", "v1", true, ALL);
    public static final ResourceType NODE = new ResourceType("Node", "nodes", "node", List.of("no"), "", "v1", false, List.of());
    public static final ResourceType NAMESPACE = new ResourceType("Namespace", "namespaces", "namespace", List.of("ns"), "", "v1", false, List.of());
    public static final ResourceType EVENT = new ResourceType("Event", "events", "event", List.of("ev"), "", "v1", true, List.of());
    public static final ResourceType ENDPOINTS = new ResourceType("Endpoints", "endpoints", "endpoints", List.of("ep"), "", "v1", true, List.of());
    public static final ResourceType CONFIG_MAP = new ResourceType("ConfigMap", "configmaps", "configmap", List.of("cm"), "", "v1", true, List.of());
    public static final ResourceType SECRET = new ResourceType("Secret", "secrets", "secret", List.of(), "", "v1", true, List.of());
    public static final ResourceType SERVICE_ACCOUNT = new ResourceType("ServiceAccount", "serviceaccounts", "serviceaccount",
            List.of("sa"), "", "v1", true, List.of());
    public static final ResourceType LEASE = new ResourceType("Lease", "leases", "lease", List.of(), "coordination.k8s.io", "v1",
            true, List.of());
    public static final ResourceType ENDPOINT_SLICE = new ResourceType("EndpointSlice", "endpointslices", "endpointslice",
            List.of(), "discovery.k8s.io", "v1", true, List.of());

    /** Discovery order: the order of {@code kubectl get all}'s blocks. */
    public static final List<ResourceType> ALL_TYPES = List.of(
            POD, REPLICATION_CONTROLLER, SERVICE, DAEMON_SET, DEPLOYMENT, REPLICA_SET, NODE, NAMESPACE, EVENT, ENDPOINTS,
            CONFIG_MAP, SECRET, SERVICE_ACCOUNT, LEASE, ENDPOINT_SLICE);

    private ResourceTypes() {}

    /** The type a user's word names ("po", "pods", "deploy", "deployments.apps"), if any. */
    public static Optional<ResourceType> find(String word) {
        for (ResourceType t : ALL_TYPES) {
            if (t.matches(word)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type of a manifest's apiVersion and kind, if the cluster serves it. */
    public static Optional<ResourceType> forKind(String apiVersion, String kind) {
        for (ResourceType t : ALL_TYPES) {
            if (t.kind().equals(kind) && t.apiVersion().equals(apiVersion)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static List<ResourceType> inCategory(String category) {
        return ALL_TYPES.stream().filter(t -> t.categories().contains(category)).toList();
    }
}
