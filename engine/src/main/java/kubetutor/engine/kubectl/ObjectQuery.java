package kubetutor.engine.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.selector.LabelSelector;
import kubetutor.engine.selector.SelectorSyntaxException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds the objects a get/describe/delete names: by name, by -l and --field-selector, in -n or -A. */
public final class ObjectQuery {
    private final Invocation inv;
    private final LabelSelector selector;
    private final List<String[]> fields;
    private final boolean allNamespaces;

    private ObjectQuery(Invocation inv, LabelSelector selector, List<String[]> fields, boolean allNamespaces) {
        this.inv = inv;
        this.selector = selector;
        this.fields = fields;
        this.allNamespaces = allNamespaces;
    }

    public static ObjectQuery of(Invocation inv) {
        LabelSelector selector;
        try {
            selector = LabelSelector.parse(inv.args().get("selector", ""));
        } catch (SelectorSyntaxException e) {
            throw new UsageException("error: " + e.getMessage());
        }
        List<String[]> fields = new ArrayList<>();
        String fs = inv.args().get("field-selector", "");
        if (!fs.isEmpty()) {
            for (String part : fs.split(",")) {
                String[] kv;
                if (part.contains("!=")) {
                    kv = new String[] {part.substring(0, part.indexOf("!=")), "!=", part.substring(part.indexOf("!=") + 2)};
                } else if (part.contains("==")) {
                    kv = new String[] {part.substring(0, part.indexOf("==")), "=", part.substring(part.indexOf("==") + 2)};
                } else if (part.contains("=")) {
                    kv = new String[] {part.substring(0, part.indexOf('=')), "=", part.substring(part.indexOf('=') + 1)};
                } else {
                    throw new UsageException("error: invalid selector: '" + fs + "'; can't understand '" + part + "'");
                }
                fields.add(kv);
            }
        }
        return new ObjectQuery(inv, selector, fields, inv.args().bool("all-namespaces"));
    }

    /** The resource requests on the command line (positional arguments). */
    public static List<ResourceArgs.Request> requests(Invocation inv) {
        return ResourceArgs.parse(inv.args().positional());
    }

    public record Found(List<JsonNode> objects, List<String> missing) {}

    public Found find(ResourceArgs.Request req) {
        ResourceType type = req.type();
        List<JsonNode> objects = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (!req.names().isEmpty()) {
            for (String name : req.names()) {
                ObjectNode o = inv.cluster().store().get(type, inv.namespace(), name);
                if (o == null) {
                    missing.add(ApiException.notFound(type, name).kubectlMessage());
                } else {
                    objects.add(o);
                }
            }
            return new Found(objects, missing);
        }
        String ns = allNamespaces ? null : inv.namespace();
        for (ObjectNode o : inv.cluster().store().list(type, ns)) {
            if (matches(o)) {
                objects.add(o);
            }
        }
        sort(objects);
        return new Found(objects, missing);
    }

    /** Whether an object belongs to what the request watches. */
    public boolean matches(ResourceArgs.Request req, JsonNode o) {
        if (req.type().namespaced() && !allNamespaces && !Meta.namespace(o).equals(inv.namespace())) {
            return false;
        }
        if (!req.names().isEmpty() && !req.names().contains(Meta.name(o))) {
            return false;
        }
        return matches(o);
    }

    private boolean matches(JsonNode o) {
        if (!selector.matches(Meta.labels(o))) {
            return false;
        }
        for (String[] f : fields) {
            String actual = field(o, f[0]);
            if (actual == null) {
                throw new UsageException("Error from server (BadRequest): Unable to find \"/v1, Resource=" + "\" that match label selector \"\", field selector \""
                        + inv.args().get("field-selector") + "\": field label not supported: " + f[0]);
            }
            boolean eq = actual.equals(f[2]);
            if (f[1].equals("=") != eq) {
                return false;
            }
        }
        return true;
    }

    private static String field(JsonNode o, String path) {
        return switch (path) {
            case "metadata.name" -> Meta.name(o);
            case "metadata.namespace" -> Meta.namespace(o);
            case "status.phase" -> o.path("status").path("phase").asText("");
            case "spec.nodeName" -> o.path("spec").path("nodeName").asText("");
            case "involvedObject.name", "involvedObject.kind", "involvedObject.namespace", "involvedObject.uid",
                    "involvedObject.fieldPath" -> o.path("involvedObject").path(path.substring(15)).asText("");
            case "type", "reason" -> o.path(path).asText("");
            case "source" -> o.path("source").path("component").asText("");
            default -> null;
        };
    }

    private void sort(List<JsonNode> objects) {
        String by = inv.args().get("sort-by", "");
        if (by.isEmpty()) {
            return;
        }
        String path = by.replace("{", "").replace("}", "");
        if (path.startsWith(".")) {
            path = path.substring(1);
        }
        String[] parts = path.split("\\.");
        Comparator<JsonNode> cmp = Comparator.comparing(o -> key(o, parts), ObjectQuery::compareValues);
        objects.sort(cmp);
    }

    private static JsonNode key(JsonNode o, String[] parts) {
        JsonNode n = o;
        for (String p : parts) {
            n = n.path(p);
        }
        return n;
    }

    private static int compareValues(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.asDouble(), b.asDouble());
        }
        return a.asText("").compareTo(b.asText(""));
    }

    /** --request-timeout as a duration ("0" means none). */
    public static Duration requestTimeout(Invocation inv) {
        String t = inv.args().get("request-timeout", "0");
        return Durations.parse(t);
    }
}
