package kubetutor.engine.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.schema.Field;
import kubetutor.engine.api.schema.FieldType;
import kubetutor.engine.api.schema.Schema;
import kubetutor.engine.api.schema.TypeDef;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * apimachinery's strategic merge patch, as the API server applies it (StrategicMergeMapPatch with
 * null meaning delete): maps merge key by key, lists the schema tags as merging merge by their key
 * (containers by name, ports by containerPort, ...) with the patch's new items first, other lists
 * are replaced; {@code $patch: replace|delete}, {@code $retainKeys} and
 * {@code $deleteFromPrimitiveList} directives are honoured.
 */
public final class StrategicMerge {
    private static final String DIRECTIVE = "$patch";
    private static final String RETAIN_KEYS = "$retainKeys";
    private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";
    private static final String SET_ELEMENT_ORDER = "$setElementOrder/";

    /** A patch the library refuses (mergepatch's errors), in its words. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Schema schema;

    private StrategicMerge(Schema schema) {
        this.schema = schema;
    }

    /** Applies {@code patch} to a copy of {@code original}, a {@code rootType} (a kind's struct name). */
    public static ObjectNode apply(Schema schema, String rootType, ObjectNode original, ObjectNode patch) throws Refused {
        return new StrategicMerge(schema).mergeMap(original.deepCopy(), patch.deepCopy(), new FieldType.Ref(rootType));
    }

    private ObjectNode mergeMap(ObjectNode original, ObjectNode patch, FieldType shape) throws Refused {
        if (patch.has(DIRECTIVE)) {
            JsonNode directive = patch.get(DIRECTIVE);
            if (directive.isTextual() && directive.asText().equals("replace")) {
                patch.remove(DIRECTIVE);
                return patch;
            }
            if (directive.isTextual() && directive.asText().equals("delete")) {
                return Meta.JSON.objectNode();
            }
            throw new Refused("unknown patch type: " + GoFormat.value(directive) + " in map: " + GoFormat.value(patch));
        }
        retainKeys(original, patch);
        for (Iterator<String> it = patch.fieldNames(); it.hasNext(); ) {
            if (it.next().startsWith(SET_ELEMENT_ORDER)) {
                // an order kubectl apply asks for; kubetutor keeps the merged order instead
                it.remove();
            }
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        patch.fields().forEachRemaining(entries::add);
        for (Map.Entry<String, JsonNode> e : entries) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                deleteFromPrimitiveList(original, k.substring(DELETE_FROM_PRIMITIVE_LIST.length()), v);
                continue;
            }
            if (v.isNull()) {
                original.remove(k);
                continue;
            }
            JsonNode o = original.get(k);
            if (o == null || o.isNull() || kindOf(o) != kindOf(v) || !o.isContainerNode()) {
                // not in the original, of another type, or a plain value: the patch's value, minus directives
                JsonNode replacement = removeDirectives(discardNulls(v));
                if (replacement == null) {
                    original.remove(k);
                } else {
                    original.set(k, replacement);
                }
                continue;
            }
            FieldType fieldShape = fieldShape(shape, k);
            if (o.isObject()) {
                original.set(k, mergeMap((ObjectNode) o, (ObjectNode) v, fieldShape));
            } else {
                PatchMeta meta = meta(shape, k);
                original.set(k, meta.merge()
                        ? mergeList((ArrayNode) o, (ArrayNode) v, item(fieldShape), meta.key())
                        : v);
            }
        }
        return original;
    }

    /** $retainKeys: the original keeps only the keys listed, and the patch may set no other. */
    private static void retainKeys(ObjectNode original, ObjectNode patch) throws Refused {
        JsonNode keys = patch.remove(RETAIN_KEYS);
        if (keys == null) {
            return;
        }
        if (!keys.isArray()) {
            throw new Refused("invalid patch format of retainKeys");
        }
        Set<String> kept = new LinkedHashSet<>();
        keys.forEach(k -> kept.add(k.asText()));
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) patch::fields) {
            String k = e.getKey();
            if (!e.getValue().isNull() && !k.startsWith(DELETE_FROM_PRIMITIVE_LIST) && !k.startsWith(SET_ELEMENT_ORDER)
                    && !kept.contains(k)) {
                throw new Refused("invalid patch format of retainKeys");
            }
        }
        for (Iterator<String> it = original.fieldNames(); it.hasNext(); ) {
            if (!kept.contains(it.next())) {
                it.remove();
            }
        }
    }

    private static void deleteFromPrimitiveList(ObjectNode original, String key, JsonNode values) throws Refused {
        if (key.isEmpty()) {
            throw new Refused("invalid patch format of primitive list");
        }
        JsonNode list = original.get(key);
        if (list == null || !list.isArray() || !values.isArray()) {
            return;
        }
        ArrayNode kept = Meta.JSON.arrayNode();
        for (JsonNode v : list) {
            boolean delete = false;
            for (JsonNode d : values) {
                delete |= JsonValues.same(v, d);
            }
            if (!delete) {
                kept.add(v);
            }
        }
        original.set(key, kept);
    }

    /**
     * mergeSlice: a list of values becomes their union; a list of objects is merged by its key, after
     * the patch's $patch items have deleted (or replaced) theirs. Items the patch names come in the
     * patch's order, set among the others by where they were; items new to the list come first.
     */
    private ArrayNode mergeList(ArrayNode original, ArrayNode patch, FieldType itemShape, String key) throws Refused {
        if (original.isEmpty() && patch.isEmpty()) {
            return original;
        }
        boolean objects = (original.isEmpty() ? patch : original).get(0).isObject();
        List<JsonNode> server = new ArrayList<>();
        original.forEach(server::add);
        List<JsonNode> patchItems = new ArrayList<>();
        patch.forEach(patchItems::add);
        List<JsonNode> merged;
        if (!objects) {
            merged = new ArrayList<>();
            for (JsonNode v : concat(server, patchItems)) {
                if (merged.stream().noneMatch(m -> JsonValues.same(m, v))) {
                    merged.add(v);
                }
            }
        } else {
            if (key.isEmpty()) {
                throw new Refused("cannot merge lists without merge key for " + name(itemShape));
            }
            boolean replace = false;
            List<JsonNode> plain = new ArrayList<>();
            for (JsonNode p : patchItems) {
                JsonNode directive = p.get(DIRECTIVE);
                if (directive == null) {
                    plain.add(p);
                } else if (directive.asText().equals("delete")) {
                    if (!p.has(key)) {
                        throw new Refused("map: " + GoFormat.value(p) + " does not contain declared merge key: " + key);
                    }
                    server.removeIf(s -> JsonValues.same(s.get(key), p.get(key)));
                } else if (directive.asText().equals("replace")) {
                    replace = true;
                } else if (directive.asText().equals("merge")) {
                    throw new Refused("merging lists cannot yet be specified in the patch");
                } else {
                    throw new Refused("unknown patch type: " + GoFormat.value(directive) + " in map: " + GoFormat.value(p));
                }
            }
            if (replace) {
                server = plain;
                plain = new ArrayList<>();
            }
            patchItems = plain;
            merged = new ArrayList<>(server);
            for (JsonNode p : patchItems) {
                if (!p.has(key)) {
                    throw new Refused("map: " + GoFormat.value(p) + " does not contain declared merge key: " + key);
                }
                int at = indexOf(merged, p, key);
                if (at >= 0) {
                    merged.set(at, mergeMap((ObjectNode) merged.get(at), (ObjectNode) p, itemShape));
                } else {
                    merged.add(p);
                }
            }
        }
        String k = objects ? key : "";
        List<JsonNode> inPatch = new ArrayList<>();
        List<JsonNode> serverOnly = new ArrayList<>();
        for (JsonNode m : merged) {
            (indexOf(patchItems, m, k) >= 0 ? inPatch : serverOnly).add(m);
        }
        // normalizeSliceOrder: the patch's items in the patch's order
        List<JsonNode> order = patchItems;
        inPatch.sort(java.util.Comparator.comparingInt(m -> indexOf(order, m, k)));
        ArrayNode out = Meta.JSON.arrayNode();
        mergeSorted(serverOnly, inPatch, server, k).forEach(out::add);
        return out;
    }

    /**
     * mergeSortedSlice: the server's remaining items go in front of a patch item only when the
     * server had both and had them in that order; an item only the patch has goes before them.
     */
    private static List<JsonNode> mergeSorted(List<JsonNode> left, List<JsonNode> right, List<JsonNode> serverOrder,
                                              String key) {
        List<JsonNode> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            if (i >= left.size()) {
                out.add(right.get(j++));
            } else if (j >= right.size()) {
                out.add(left.get(i++));
            } else {
                int li = indexOf(serverOrder, left.get(i), key);
                int ri = indexOf(serverOrder, right.get(j), key);
                if (li >= 0 && ri >= 0 && li < ri) {
                    out.add(left.get(i++));
                } else {
                    out.add(right.get(j++));
                }
            }
        }
        return out;
    }

    private static int indexOf(List<JsonNode> list, JsonNode item, String key) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = key.isEmpty() ? list.get(i) : list.get(i).get(key);
            JsonNode b = key.isEmpty() ? item : item.get(key);
            if (a != null && b != null && JsonValues.same(a, b)) {
                return i;
            }
        }
        return -1;
    }

    private static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
        List<JsonNode> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** What removeDirectives keeps of a value: null when the value itself is a directive. */
    private static JsonNode removeDirectives(JsonNode v) {
        if (v.isObject()) {
            if (v.has(DIRECTIVE)) {
                return null;
            }
            ObjectNode out = Meta.JSON.objectNode();
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) v::fields) {
                JsonNode kept = removeDirectives(e.getValue());
                if (kept != null) {
                    out.set(e.getKey(), kept);
                }
            }
            return out;
        }
        if (v.isArray()) {
            ArrayNode out = Meta.JSON.arrayNode();
            for (JsonNode item : v) {
                JsonNode kept = removeDirectives(item);
                if (kept != null) {
                    out.add(kept);
                }
            }
            return out;
        }
        return v;
    }

    /** discardNullValuesFromPatch: a field set to null where there was none is no field at all. */
    private static JsonNode discardNulls(JsonNode v) {
        if (v.isObject()) {
            ObjectNode out = Meta.JSON.objectNode();
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) v::fields) {
                if (!e.getValue().isNull()) {
                    out.set(e.getKey(), discardNulls(e.getValue()));
                }
            }
            return out;
        }
        if (v.isArray()) {
            ArrayNode out = Meta.JSON.arrayNode();
            v.forEach(item -> out.add(discardNulls(item)));
            return out;
        }
        return v;
    }

    /** Go's reflect kinds of decoded JSON, as far as merging tells them apart. */
    private static int kindOf(JsonNode n) {
        if (n.isObject()) {
            return 1;
        }
        if (n.isArray()) {
            return 2;
        }
        if (n.isTextual()) {
            return 3;
        }
        if (n.isBoolean()) {
            return 4;
        }
        return n.isIntegralNumber() ? 5 : 6;
    }

    private FieldType fieldShape(FieldType shape, String key) {
        if (shape instanceof FieldType.MapOf map) {
            return map.value();
        }
        TypeDef t = struct(shape);
        if (t == null || t.open()) {
            return null;
        }
        return t.field(key).map(Field::type).orElse(null);
    }

    private PatchMeta meta(FieldType shape, String key) {
        TypeDef t = struct(shape);
        return t == null ? PatchMeta.of("", key) : PatchMeta.of(t.name(), key);
    }

    private TypeDef struct(FieldType shape) {
        if (shape instanceof FieldType.Ref ref) {
            return schema.type(ref.name()).orElse(null);
        }
        return null;
    }

    private static FieldType item(FieldType shape) {
        return shape instanceof FieldType.ArrayOf arr ? arr.item() : null;
    }

    private static String name(FieldType shape) {
        return shape instanceof FieldType.Ref ref ? ref.name() : "";
    }
}
