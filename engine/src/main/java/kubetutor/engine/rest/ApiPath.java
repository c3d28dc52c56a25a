package kubetutor.engine.rest;

import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A request path as the API server's router splits it: {@code /api/v1/namespaces/NS/pods/NAME/log}
 * or {@code /apis/apps/v1/deployments}. A path that is not under a served group-version is empty.
 *
 * @param type      the resource, or null for the group-version itself (its resource list)
 * @param namespace the namespace the path names, or null (all namespaces, or a cluster-scoped kind)
 * @param name      the object's name, or null for the collection
 */
public record ApiPath(String group, String version, ResourceType type, String namespace, String name,
                      String subresource) {

    public static Optional<ApiPath> parse(String path) {
        List<String> s = new ArrayList<>(Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList());
        String group;
        String version;
        if (s.size() >= 2 && s.get(0).equals("api")) {
            group = "";
            version = s.get(1);
            s = s.subList(2, s.size());
        } else if (s.size() >= 3 && s.get(0).equals("apis")) {
            group = s.get(1);
            version = s.get(2);
            s = s.subList(3, s.size());
        } else {
            return Optional.empty();
        }
        if (!Discovery.serves(group, version)) {
            return Optional.empty();
        }
        if (s.isEmpty()) {
            return Optional.of(new ApiPath(group, version, null, null, null, null));
        }
        String namespace = null;
        if (s.get(0).equals("namespaces") && s.size() >= 3 && resource(group, s.get(2)).filter(ResourceType::namespaced).isPresent()) {
            namespace = s.get(1);
            s = s.subList(2, s.size());
        }
        if (s.size() > 3) {
            return Optional.empty();
        }
        Optional<ResourceType> type = resource(group, s.get(0));
        if (type.isEmpty() || (namespace == null && s.size() > 1 && type.get().namespaced())) {
            return Optional.empty();
        }
        return Optional.of(new ApiPath(group, version, type.get(), namespace, s.size() > 1 ? s.get(1) : null,
                s.size() > 2 ? s.get(2) : null));
    }

    private static Optional<ResourceType> resource(String group, String plural) {
        return ResourceTypes.ALL_TYPES.stream().filter(t -> t.group().equals(group) && t.plural().equals(plural)).findFirst();
    }
}
