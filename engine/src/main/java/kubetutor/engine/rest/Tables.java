package kubetutor.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.kubectl.printer.Columns;
import kubetutor.engine.kubectl.printer.TableColumns;
import kubetutor.engine.output.Cell;

import java.time.Instant;
import java.util.List;

/**
 * meta.k8s.io/v1 Table: the server-side printing kubectl get asks for. The columns are the
 * engine's own (the ones its kubectl prints), so real kubectl shows the same table; -o wide's
 * extra columns have priority 1, which kubectl hides unless asked.
 */
final class Tables {
    private Tables() {}

    /**
     * @param includeObject "None", "Metadata" (the default: kubectl reads namespaces and labels from it) or "Object"
     */
    static ObjectNode of(ResourceType type, List<ObjectNode> objects, Instant now, String resourceVersion,
                         String includeObject, boolean withColumns) {
        Columns columns = TableColumns.of(type);
        ObjectNode t = Meta.JSON.objectNode();
        t.put("kind", "Table");
        t.put("apiVersion", "meta.k8s.io/v1");
        t.putObject("metadata").put("resourceVersion", resourceVersion);
        ArrayNode defs = t.putArray("columnDefinitions");
        if (withColumns) {
            List<String> headers = columns.headers();
            for (int i = 0; i < headers.size(); i++) {
                ObjectNode d = defs.addObject();
                String h = headers.get(i);
                d.put("name", h); // kubectl prints a column's name upper-cased: the engine's headers already are
                d.put("type", "string");
                d.put("format", i == 0 && h.equals("NAME") ? "name" : "");
                d.put("description", "");
                d.put("priority", columns.wideOnly().get(i) ? 1 : 0);
            }
        }
        ArrayNode rows = t.putArray("rows");
        for (ObjectNode o : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            for (Cell c : columns.row(o, now)) {
                cells.add(c.text());
            }
            switch (includeObject == null ? "Metadata" : includeObject) {
                case "None" -> { }
                case "Object" -> row.set("object", o);
                default -> row.set("object", partial(o));
            }
        }
        return t;
    }

    private static ObjectNode partial(JsonNode o) {
        ObjectNode p = Meta.JSON.objectNode();
        p.put("kind", "PartialObjectMetadata");
        p.put("apiVersion", "meta.k8s.io/v1");
        p.set("metadata", o.path("metadata").deepCopy());
        return p;
    }
}
