package kubetutor.engine.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.format.JsonWriter;
import kubetutor.engine.format.YamlWriter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** Object output as -o yaml / -o json print it. */
public final class Formats {

    private Formats() {}

    public static String yaml(JsonNode node) {
        return YamlWriter.write(node);
    }

    public static String json(JsonNode node) {
        return JsonWriter.write(sorted(node));
    }

    /** kubectl prints objects it read back from the server through a map: keys come out sorted. */
    public static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            ObjectNode out = Meta.JSON.objectNode();
            for (String k : keys) {
                out.set(k, sorted(node.get(k)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Meta.JSON.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                out.add(sorted(it.next()));
            }
            return out;
        }
        return node;
    }

    /** The List kubectl wraps several objects in. */
    public static ObjectNode list(List<? extends JsonNode> items) {
        ObjectNode list = Meta.JSON.objectNode();
        list.put("apiVersion", "v1");
        ArrayNode arr = list.putArray("items");
        items.forEach(arr::add);
        list.put("kind", "List");
        list.putObject("metadata").put("resourceVersion", "");
        return list;
    }
}
