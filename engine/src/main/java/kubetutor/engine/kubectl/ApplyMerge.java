package kubetutor.engine.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * kubectl apply's three-way merge, reduced to what manifests need: fields the new configuration
 * sets replace the live ones, fields the last applied configuration had and the new one dropped are
 * removed, everything else (defaults, status, fields others set) stays. Lists of named objects
 * (containers, ports, env) are merged by name, as the strategic merge patch does.
 */
public final class ApplyMerge {
    private ApplyMerge() {}

    public static ObjectNode merge(JsonNode lastApplied, JsonNode desired, ObjectNode live) {
        ObjectNode out = live.deepCopy();
        mergeObject(lastApplied, desired, out);
        return out;
    }

    private static void mergeObject(JsonNode last, JsonNode desired, ObjectNode live) {
        for (Iterator<String> it = desired.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            JsonNode d = desired.get(k);
            JsonNode l = live.get(k);
            JsonNode prev = last == null ? null : last.get(k);
            if (d.isObject() && l != null && l.isObject()) {
                mergeObject(prev, d, (ObjectNode) l);
            } else if (d.isArray() && l != null && l.isArray() && keyed(d) && mergeKey(d).equals(mergeKey(l))) {
                live.set(k, mergeList(prev, (ArrayNode) d, (ArrayNode) l, mergeKey(d)));
            } else {
                live.set(k, d.deepCopy());
            }
        }
        if (last != null && last.isObject()) {
            for (Iterator<String> it = last.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!desired.has(k)) {
                    live.remove(k);
                }
            }
        }
    }

    /** The strategic-merge keys of the lists manifests use: containers and env by name, ports by number. */
    private static final String[] MERGE_KEYS = {"name", "containerPort", "mountPath", "port", "ip"};

    private static String mergeKey(JsonNode list) {
        for (String key : MERGE_KEYS) {
            boolean all = list.size() > 0;
            for (JsonNode e : list) {
                all &= e.isObject() && e.has(key);
            }
            if (all) {
                return key;
            }
        }
        return null;
    }

    private static boolean keyed(JsonNode list) {
        return mergeKey(list) != null;
    }

    private static ArrayNode mergeList(JsonNode last, ArrayNode desired, ArrayNode live, String key) {
        ArrayNode out = Meta.JSON.arrayNode();
        for (JsonNode d : desired) {
            String name = d.path(key).asText();
            JsonNode match = find(live, key, name);
            JsonNode prev = last == null ? null : find(last, key, name);
            if (match == null) {
                out.add(d.deepCopy());
            } else {
                ObjectNode merged = ((ObjectNode) match).deepCopy();
                mergeObject(prev, d, merged);
                out.add(merged);
            }
        }
        List<String> keptNames = new ArrayList<>();
        desired.forEach(d -> keptNames.add(d.path(key).asText()));
        for (JsonNode l : live) {
            String name = l.path(key).asText();
            boolean wasApplied = last != null && find(last, key, name) != null;
            if (!keptNames.contains(name) && !wasApplied) {
                out.add(l.deepCopy());
            }
        }
        return out;
    }

    private static JsonNode find(JsonNode list, String key, String name) {
        for (JsonNode e : list) {
            if (e.path(key).asText().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
