package kubetutor.engine.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ApiServer;
import kubetutor.engine.api.DeleteOptions;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.patch.Patcher;
import kubetutor.engine.api.schema.FieldValidation;
import kubetutor.engine.api.schema.SchemaAdmission;
import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.kubectl.verb.ScaleOverflow;
import kubetutor.engine.selector.FieldSelector;
import kubetutor.engine.selector.LabelSelector;
import kubetutor.engine.selector.SelectorSyntaxException;

import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes REST API over the simulated cluster: a request in, a response out, no transport.
 * Every write goes through the same {@link ApiServer} calls the engine's own kubectl makes, so
 * admission, validation, dry run and conflicts answer the same way whoever asks. Watches are
 * served by {@link WatchHub}; everything else is answered here.
 */
public final class RestApi {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Cluster cluster;

    public RestApi(Cluster cluster) {
        this.cluster = cluster;
    }

    public RestResponse handle(RestRequest r) {
        try {
            return route(r);
        } catch (ApiException e) {
            return status(StatusBodies.failure(e));
        } catch (SelectorSyntaxException e) {
            return status(StatusBodies.failure(new ApiException(ApiException.Reason.BadRequest, e.getMessage())));
        } catch (JsonProcessingException e) {
            return status(StatusBodies.failure(400, "BadRequest", "the body of the request was in an unknown format"
                    + " - accepted media types include: application/json, application/yaml"));
        }
    }

    private RestResponse route(RestRequest r) throws JsonProcessingException {
        switch (r.path()) {
            case "/version", "/version/" -> {
                return ok(Discovery.version());
            }
            case "/api", "/api/" -> {
                return ok(Discovery.coreVersions(cluster.apiServerAddress().orElse("")));
            }
            case "/apis", "/apis/" -> {
                return ok(Discovery.groups());
            }
            case "/healthz", "/livez", "/readyz" -> {
                return RestResponse.text(200, "ok");
            }
            case "/openapi/v3", "/openapi/v3/" -> {
                return ok(OpenApi.index());
            }
            default -> { }
        }
        if (r.path().startsWith("/openapi/v3/")) {
            return OpenApi.serve(r.path().substring("/openapi/v3/".length()), r.param("hash"));
        }
        Optional<ApiPath> parsed = ApiPath.parse(r.path());
        if (parsed.isEmpty()) {
            return notFound();
        }
        ApiPath p = parsed.get();
        if (p.type() == null) {
            return r.method().equals("GET") ? ok(Discovery.resources(p.group(), p.version())) : notAllowed();
        }
        boolean dryRun = "All".equals(r.param("dryRun"));
        FieldValidation validation = FieldValidation.ofParameter(r.param("fieldValidation"));
        ApiServer api = cluster.api();
        ResourceType type = p.type();
        String sub = p.subresource();
        if ("scale".equals(sub) && !Discovery.hasSubresource(type, sub)) {
            // a kind without the scale subresource has no route at all (kubectl scale pod: NotFound)
            return notFound();
        }
        return switch (r.method()) {
            case "GET" -> p.name() == null ? list(r, p) : get(r, p);
            case "POST" -> {
                if (p.name() != null) {
                    yield notAllowed();
                }
                ObjectNode body = object(r);
                if (type.namespaced()) {
                    String ns = Meta.namespace(body);
                    if (!ns.isEmpty() && !ns.equals(p.namespace())) {
                        throw new ApiException(ApiException.Reason.BadRequest, "the namespace of the provided object does"
                                + " not match the namespace sent on the request");
                    }
                    Meta.metadata(body).put("namespace", p.namespace());
                }
                List<String> warnings = validation.beforeDecoding(SchemaAdmission.schema(), type, body);
                yield write(201, api.create(type, body, dryRun)).withWarnings(warnings);
            }
            case "PUT" -> {
                if (p.name() == null) {
                    yield notAllowed();
                }
                ObjectNode body = object(r);
                if ("scale".equals(sub)) {
                    // kubectl scale --current-replicas: a GET of the Scale, then a PUT of it
                    yield write(200, Scales.of(type, api.scale(type, p.namespace(), p.name(),
                            body.path("spec").path("replicas").asLong(0),
                            body.path("metadata").path("resourceVersion").asText(null), dryRun)));
                }
                if (type.namespaced()) {
                    Meta.metadata(body).put("namespace", p.namespace());
                }
                List<String> warnings = validation.beforeDecoding(SchemaAdmission.schema(), type, body);
                api.admission().decode(type, body);
                yield write(200, "status".equals(sub) ? api.updateStatus(type, body) : api.update(type, body, dryRun))
                        .withWarnings(warnings);
            }
            case "PATCH" -> {
                if ("scale".equals(sub) && !r.contentType().startsWith("application/json-patch+json")) {
                    // kubectl scale: a merge patch of the Scale, {"spec":{"replicas":N}}
                    JsonNode replicas = object(r).path("spec").path("replicas");
                    ObjectNode current = api.get(type, p.namespace(), p.name());
                    long wanted = replicas.canConvertToLong() ? replicas.asLong() : current.path("spec").path("replicas").asLong();
                    if (wanted != (int) wanted) {
                        // the merged Scale does not decode: its replicas are an int32
                        throw ScaleOverflow.error(current, wanted);
                    }
                    yield write(200, Scales.of(type, api.scale(type, p.namespace(), p.name(), wanted, null, dryRun)));
                }
                if (p.name() == null || sub != null) {
                    yield notAllowed();
                }
                Patcher.Type patchType = switch (r.contentType().split(";")[0].trim()) {
                    case "application/strategic-merge-patch+json" -> Patcher.Type.STRATEGIC;
                    case "application/merge-patch+json" -> Patcher.Type.MERGE;
                    case "application/json-patch+json" -> Patcher.Type.JSON;
                    default -> null;
                };
                if (patchType == null) {
                    // Server-side apply (application/apply-patch+yaml) is answered as a server without it would.
                    yield status(StatusBodies.failure(415, "UnsupportedMediaType", "the body of the request was in an"
                            + " unknown format - accepted media types include: application/json-patch+json,"
                            + " application/merge-patch+json, application/strategic-merge-patch+json"));
                }
                Patcher.Result result = new Patcher(api, SchemaAdmission.schema(), validation)
                        .patch(type, p.namespace(), p.name(), patchType, r.body(), dryRun);
                yield write(200, result.object()).withWarnings(result.warnings());
            }
            case "DELETE" -> {
                if (p.name() == null) {
                    yield notAllowed();
                }
                ObjectNode gone = api.delete(type, p.namespace(), p.name(), deleteOptions(r, dryRun));
                boolean stays = Meta.isTerminating(gone) || gone.path("metadata").path("finalizers").size() > 0;
                yield write(200, stays ? gone : StatusBodies.deleted(gone, type.group(), type.plural()));
            }
            default -> notAllowed();
        };
    }


    private RestResponse get(RestRequest r, ApiPath p) {
        ObjectNode obj = cluster.api().get(p.type(), p.namespace(), p.name());
        String sub = p.subresource();
        if (sub == null || sub.equals("status")) {
            return r.wantsTable()
                    ? ok(Tables.of(p.type(), List.of(obj), cluster.sim().now(), Long.toString(cluster.store().resourceVersion()),
                    r.param("includeObject"), true))
                    : ok(obj);
        }
        if (sub.equals("scale")) {
            return ok(Scales.of(p.type(), obj));
        }
        if (sub.equals("log")) {
            return PodLogs.read(cluster, obj, r);
        }
        return notFound();
    }

    private RestResponse list(RestRequest r, ApiPath p) {
        LabelSelector labels = LabelSelector.parse(r.param("labelSelector") == null ? "" : r.param("labelSelector"));
        FieldSelector fields = fieldSelector(p.type(), r.param("fieldSelector"));
        List<ObjectNode> items = cluster.store().list(p.type(), p.namespace()).stream()
                .filter(o -> labels.matches(Meta.labels(o)) && fields.matches(o)).toList();
        String rv = Long.toString(cluster.store().resourceVersion());
        Page page = Page.of(items, r.param("limit"), r.param("continue"), rv);
        items = page.items();
        if (r.wantsTable()) {
            ObjectNode table = Tables.of(p.type(), items, cluster.sim().now(), rv, r.param("includeObject"), true);
            page.describe((ObjectNode) table.get("metadata"));
            return ok(table);
        }
        ObjectNode list = Meta.JSON.objectNode();
        list.put("kind", p.type().kind() + "List");
        list.put("apiVersion", p.type().apiVersion());
        page.describe(list.putObject("metadata").put("resourceVersion", rv));
        ArrayNode out = list.putArray("items");
        for (ObjectNode o : items) {
            // a list's items carry no kind or apiVersion of their own
            ObjectNode item = o.deepCopy();
            item.remove("kind");
            item.remove("apiVersion");
            out.add(item);
        }
        return ok(list);
    }

    /** The fieldSelector parameter, refused as the server refuses a field label the kind has no index for. */
    static FieldSelector fieldSelector(ResourceType type, String text) {
        FieldSelector fields = FieldSelector.parse(text);
        String unsupported = fields.unsupported(type.kind());
        if (unsupported != null) {
            throw new ApiException(ApiException.Reason.BadRequest, "field label not supported: " + unsupported);
        }
        return fields;
    }

    private static DeleteOptions deleteOptions(RestRequest r, boolean dryRun) throws JsonProcessingException {
        JsonNode body = r.body().isBlank() ? Meta.JSON.objectNode() : JSON.readTree(r.body());
        String policy = body.path("propagationPolicy").asText(r.param("propagationPolicy") == null ? "" : r.param("propagationPolicy"));
        DeleteOptions.Propagation propagation = switch (policy) {
            case "Orphan" -> DeleteOptions.Propagation.Orphan;
            case "Foreground" -> DeleteOptions.Propagation.Foreground;
            case "Background" -> DeleteOptions.Propagation.Background;
            case "" -> null;
            default -> throw new ApiException(ApiException.Reason.BadRequest, "propagationPolicy: Unsupported value: \""
                    + policy + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        };
        Long grace = body.has("gracePeriodSeconds") ? Long.valueOf(body.get("gracePeriodSeconds").asLong())
                : r.param("gracePeriodSeconds") == null ? null : Long.valueOf(r.param("gracePeriodSeconds"));
        JsonNode pre = body.path("preconditions");
        DeleteOptions.Preconditions preconditions = pre.isObject()
                ? new DeleteOptions.Preconditions(pre.path("uid").asText(null), pre.path("resourceVersion").asText(null)) : null;
        boolean dry = dryRun || body.path("dryRun").toString().contains("All");
        return new DeleteOptions(grace, propagation, preconditions, dry);
    }

    private static ObjectNode object(RestRequest r) throws JsonProcessingException {
        // Without a Content-Type the API server takes its first media type, JSON (client-go's scale client sends none).
        String media = r.contentType().isBlank() ? "application/json" : r.contentType().split(";")[0].trim();
        if (!media.equals("application/json") && !media.endsWith("+json")) {
            throw new ApiException(ApiException.Reason.UnsupportedMediaType, "the body of the request was in an unknown format"
                    + " - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf");
        }
        JsonNode body = JSON.readTree(r.body());
        if (body == null || !body.isObject()) {
            throw new ApiException(ApiException.Reason.BadRequest, "the body of the request was in an unknown format"
                    + " - accepted media types include: application/json, application/yaml");
        }
        return (ObjectNode) body;
    }

    /** Runs what the write set off at once (a controller's reaction comes on the clock, as on a cluster). */
    private RestResponse write(int code, ObjectNode obj) {
        cluster.sim().settle();
        return json(code, obj);
    }

    private static RestResponse ok(JsonNode body) {
        return json(200, body);
    }

    private static RestResponse json(int code, JsonNode body) {
        return RestResponse.json(code, body.toString());
    }

    private static RestResponse status(ObjectNode status) {
        return json(status.path("code").asInt(500), status);
    }

    private static RestResponse notFound() {
        return status(StatusBodies.failure(404, "NotFound", "the server could not find the requested resource"));
    }

    private static RestResponse notAllowed() {
        return status(StatusBodies.failure(405, "MethodNotAllowed", "the server does not allow this method on the"
                + " requested resource"));
    }
}
