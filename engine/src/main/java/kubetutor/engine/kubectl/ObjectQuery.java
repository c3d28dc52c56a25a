package kubetutor.engine.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Finds the objects a get/describe/delete names: by name, by -l and --field-selector, in -n or -A. */
public final class ObjectQuery {
    private final Invocation inv;
    private final ListSelectors selectors;
    private final boolean allNamespaces;

    private ObjectQuery(Invocation inv, ListSelectors selectors, boolean allNamespaces) {
        this.inv = inv;
        this.selectors = selectors;
        this.allNamespaces = allNamespaces;
    }

    public static ObjectQuery of(Invocation inv) {
        return new ObjectQuery(inv, new ListSelectors(inv.args().get("selector", ""), inv.args().get("field-selector", "")),
                inv.args().bool("all-namespaces"));
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
        selectors.check(type);
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
        selectors.check(req.type());
        return matches(o);
    }

    private boolean matches(JsonNode o) {
        return selectors.matches(o);
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
