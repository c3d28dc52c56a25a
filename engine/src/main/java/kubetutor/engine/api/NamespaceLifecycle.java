package kubetutor.engine.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * The API server's NamespaceLifecycle admission plugin (plugin/pkg/admission/namespace/lifecycle in
 * Kubernetes 1.32): content goes only into a namespace that exists and is not being terminated, and
 * the namespaces the cluster itself lives in can never be deleted.
 */
final class NamespaceLifecycle {
    /** The plugin's immortal namespaces, as kube-apiserver registers it; kube-node-lease is not one of them. */
    private static final Set<String> IMMORTAL = Set.of("default", "kube-system", "kube-public");

    private NamespaceLifecycle() {}

    /** Refuses a namespaced object whose namespace is missing, unknown or terminating. */
    static void admitCreate(ApiStore store, ResourceType type, ObjectNode meta) {
        String ns = meta.path("namespace").asText("");
        if (ns.isEmpty()) {
            throw new ApiException(ApiException.Reason.BadRequest, "the namespace of the object is empty");
        }
        ObjectNode namespace = store.get(ResourceTypes.NAMESPACE, "", ns);
        if (namespace == null) {
            throw ApiException.notFound(ResourceTypes.NAMESPACE, ns);
        }
        if (Meta.isTerminating(namespace)) {
            throw new ApiException(ApiException.Reason.Forbidden, type.qualifiedPlural() + " \"" + displayName(meta)
                    + "\" is forbidden: unable to create new content in namespace " + ns + " because it is being terminated");
        }
    }

    /** Refuses to delete default, kube-system and kube-public, dry run or not. */
    static void admitDelete(ResourceType type, String name) {
        if (type == ResourceTypes.NAMESPACE && IMMORTAL.contains(name)) {
            throw new ApiException(ApiException.Reason.Forbidden, type.qualifiedPlural() + " \"" + name
                    + "\" is forbidden: this namespace may not be deleted");
        }
    }

    private static String displayName(ObjectNode meta) {
        String n = meta.path("name").asText("");
        return n.isEmpty() ? meta.path("generateName").asText("") : n;
    }
}
