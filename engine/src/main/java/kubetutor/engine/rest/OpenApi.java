package kubetutor.engine.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.schema.Schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/**
 * OpenAPI v3, as much as clients ask of it: the index of group-versions, and per group-version the
 * paths with their operations and the schemas of the kinds. kubectl 1.32 reads the PATCH
 * operations' parameters to learn that the server validates fields itself (fieldValidation), and
 * then leaves validation to it; {@code kubectl explain} finds a kind by the operations' GVK and
 * renders its schema. A document never changes within a process, so each is built once, on first
 * request, and served as the same text (clients cache it under the hash the index names).
 */
final class OpenApi {
    private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();

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

    /**
     * GET /openapi/v3/api/v1, /openapi/v3/apis/apps/v1, as kube-openapi's handler answers: the
     * document with its hash as ETag; asked for by its current hash, marked immutable, so kubectl's
     * HTTP cache keeps it; asked for by another hash, a redirect to the current one.
     */
    static RestResponse serve(String path, String hash) {
        String gv = path.startsWith("api/") ? path.substring(4) : path.startsWith("apis/") ? path.substring(5) : "";
        if (!groupVersions().contains(gv)) {
            return RestResponse.failure(404, "NotFound", "the server could not find the requested resource");
        }
        String etag = hash(gv);
        if (hash == null || hash.isEmpty()) {
            return RestResponse.json(200, text(gv)).withHeader("Etag", "\"" + etag + "\"");
        }
        if (!hash.equals(etag)) {
            return RestResponse.text(301, "").withHeader("Location", "/openapi/v3/" + path + "?hash=" + etag);
        }
        return RestResponse.json(200, text(gv)).withHeader("Etag", "\"" + etag + "\"").withHeader("Vary", "Accept")
                .withHeader("Cache-Control", "public, immutable");
    }

    private static String text(String gv) {
        return DOCUMENTS.computeIfAbsent(gv, g -> document(g).toString());
    }

    private static ObjectNode document(String gv) {
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
        doc.putObject("components").set("schemas", new OpenApiSchemas(Schema.standard()).forGroupVersion(gv));
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

    /**
     * The SHA-512 of the document, as a server names it: kubectl keeps a document under its hash, so
     * a kubetutor whose schema changed is never answered from an older one's cache.
     */
    private static String hash(String gv) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(text(gv).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
    }
}
