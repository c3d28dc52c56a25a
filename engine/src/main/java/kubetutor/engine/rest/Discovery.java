package kubetutor.engine.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.kubectl.verb.VersionVerb;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The discovery documents: which groups, versions and resources the cluster serves. kubectl 1.32
 * first asks for the aggregated form; a server that answers with the legacy lists (as this one
 * does) is read the legacy way, one request per group-version.
 */
final class Discovery {
    private static final List<String> VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
            "update", "watch");
    /** Subresources per kind, as the 1.32 API server serves them (those this simulation answers). */
    private static final Map<String, List<String>> SUBRESOURCES = Map.of(
            "pods", List.of("binding", "log", "status"),
            "replicationcontrollers", List.of("scale", "status"),
            "deployments", List.of("scale", "status"),
            "replicasets", List.of("scale", "status"),
            "daemonsets", List.of("status"),
            "nodes", List.of("status"),
            "namespaces", List.of("status"),
            "services", List.of("status"));

    private Discovery() {}

    static boolean hasSubresource(ResourceType type, String subresource) {
        return SUBRESOURCES.getOrDefault(type.plural(), List.of()).contains(subresource);
    }

    static boolean serves(String group, String version) {
        return ResourceTypes.ALL_TYPES.stream().anyMatch(t -> t.group().equals(group) && t.version().equals(version));
    }

    /** GET /api */
    static ObjectNode coreVersions(String serverAddress) {
        ObjectNode o = Meta.JSON.objectNode();
        o.put("kind", "APIVersions");
        o.putArray("versions").add("v1");
        ObjectNode cidr = o.putArray("serverAddressByClientCIDRs").addObject();
        cidr.put("clientCIDR", "0.0.0.0/0");
        cidr.put("serverAddress", serverAddress);
        return o;
    }

    /** GET /apis */
    static ObjectNode groups() {
        ObjectNode o = Meta.JSON.objectNode();
        o.put("kind", "APIGroupList");
        o.put("apiVersion", "v1");
        ArrayNode groups = o.putArray("groups");
        Set<String> seen = new LinkedHashSet<>();
        for (ResourceType t : ResourceTypes.ALL_TYPES) {
            if (t.group().isEmpty() || !seen.add(t.group())) {
                continue;
            }
            ObjectNode g = groups.addObject();
            g.put("name", t.group());
            ObjectNode v = Meta.JSON.objectNode();
            v.put("groupVersion", t.group() + "/" + t.version());
            v.put("version", t.version());
            g.putArray("versions").add(v);
            g.set("preferredVersion", v.deepCopy());
        }
        return o;
    }

    /** GET /api/v1, /apis/apps/v1: the resources of one group-version. */
    static ObjectNode resources(String group, String version) {
        ObjectNode o = Meta.JSON.objectNode();
        o.put("kind", "APIResourceList");
        o.put("apiVersion", "v1");
        o.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode list = o.putArray("resources");
        for (ResourceType t : ResourceTypes.ALL_TYPES) {
            if (!t.group().equals(group) || !t.version().equals(version)) {
                continue;
            }
            ObjectNode r = list.addObject();
            r.put("name", t.plural());
            r.put("singularName", t.singular());
            r.put("namespaced", t.namespaced());
            r.put("kind", t.kind());
            VERBS.forEach(r.putArray("verbs")::add);
            if (!t.shortNames().isEmpty()) {
                t.shortNames().forEach(r.putArray("shortNames")::add);
            }
            if (!t.categories().isEmpty()) {
                t.categories().forEach(r.putArray("categories")::add);
            }
            for (String sub : SUBRESOURCES.getOrDefault(t.plural(), List.of())) {
                ObjectNode s = list.addObject();
                s.put("name", t.plural() + "/" + sub);
                s.put("singularName", "");
                s.put("namespaced", t.namespaced());
                s.put("kind", sub.equals("scale") ? "Scale" : sub.equals("binding") ? "Binding" : t.kind());
                List<String> verbs = sub.equals("log") ? List.of("get") : sub.equals("binding") ? List.of("create")
                        : List.of("get", "patch", "update");
                verbs.forEach(s.putArray("verbs")::add);
                if (sub.equals("scale")) {
                    s.put("group", "autoscaling");
                    s.put("version", "v1");
                }
            }
        }
        return o;
    }

    /** GET /version */
    static ObjectNode version() {
        VersionVerb.BuildInfo b = VersionVerb.SERVER;
        ObjectNode o = Meta.JSON.objectNode();
        o.put("major", b.major());
        o.put("minor", b.minor());
        o.put("gitVersion", b.gitVersion());
        o.put("gitCommit", b.gitCommit());
        o.put("gitTreeState", b.gitTreeState());
        o.put("buildDate", b.buildDate());
        o.put("goVersion", b.goVersion());
        o.put("compiler", b.compiler());
        o.put("platform", b.platform());
        return o;
    }
}
