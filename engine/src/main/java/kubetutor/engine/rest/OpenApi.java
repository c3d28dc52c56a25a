package kubetutor.engine.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * OpenAPI v3, as much as clients ask of it: the index of group-versions, and per group-version the
 * paths with their operations. kubectl 1.32 reads the PATCH operations' parameters to learn that
 * the server validates fields itself (fieldValidation), and then leaves validation to it. The
 * schemas of the kinds (which {@code kubectl explain} reads) are not published yet.
 */
final class OpenApi {
    private OpenApi() {}

    /** GET /openapi/v3 */
    static ObjectNode index() {
        ObjectNode root = Meta.JSON.objectNode();
        ObjectNode paths = root.putObject("paths");
        for (String gv : groupVersions()) {
            String path = gv.equals("v1") ? "api/v1" : "apis/" + gv;
            paths.putObject(path).put("serverRelativeURL", "/openapi/v3/" + path + "?hash=" + hash(gv));
        }
        return root;
    }

    /** GET /openapi/v3/api/v1, /openapi/v3/apis/apps/v1; null for a group-version not served. */
    static ObjectNode groupVersion(String path) {
        String gv = path.startsWith("api/") ? path.substring(4) : path.startsWith("apis/") ? path.substring(5) : "";
        if (!groupVersions().contains(gv)) {
            return null;
        }
        ObjectNode doc = Meta.JSON.objectNode();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", "v1.32.4");
        ObjectNode paths = doc.putObject("paths");
        for (ResourceType t : ResourceTypes.ALL_TYPES) {
            if (!t.apiVersion().equals(gv)) {
                continue;
            }
            String base = (t.group().isEmpty() ? "/api/" : "/apis/" + t.group() + "/") + t.version() + "/"
                    + (t.namespaced() ? "namespaces/{namespace}/" : "") + t.plural();
            ObjectNode collection = paths.putObject(base);
            operation(collection, "post", t);
            ObjectNode item = paths.putObject(base + "/{name}");
            operation(item, "put", t);
            operation(item, "patch", t);
        }
        doc.putObject("components").putObject("schemas");
        return doc;
    }

    private static void operation(ObjectNode path, String method, ResourceType t) {
        ObjectNode op = path.putObject(method);
        ObjectNode gvk = op.putObject("x-kubernetes-group-version-kind");
        gvk.put("group", t.group());
        gvk.put("version", t.version());
        gvk.put("kind", t.kind());
        ArrayNode params = op.putArray("parameters");
        for (String name : new String[] {"dryRun", "fieldManager", "fieldValidation"}) {
            ObjectNode p = params.addObject();
            p.put("name", name);
            p.put("in", "query");
            p.putObject("schema").put("type", "string").put("uniqueItems", true);
        }
        op.putObject("responses").putObject("200").put("description", "OK");
    }

    private static Set<String> groupVersions() {
        Set<String> gvs = new LinkedHashSet<>();
        ResourceTypes.ALL_TYPES.forEach(t -> gvs.add(t.apiVersion()));
        return gvs;
    }

    /** Stable per group-version: clients cache a document under its hash. */
    private static String hash(String gv) {
        return String.format("%016X", (long) ("v1.32.4/" + gv).hashCode() * 0x9E3779B97F4A7C15L);
    }
}
