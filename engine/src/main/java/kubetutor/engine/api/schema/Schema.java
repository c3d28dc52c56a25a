package kubetutor.engine.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.format.ResourceYaml;

/**
 * The structure of every served kind, loaded from the YAML files under kubetutor/schema. It answers
 * what the API server's decoder would: which fields are unknown, which values have the wrong JSON
 * type, and in which order a struct's fields are written.
 */
public final class Schema {
    private static final String[] FILES = {"meta.yaml", "pod.yaml", "volumes.yaml", "workloads.yaml", "cluster.yaml",
            "config.yaml", "coordination.yaml", "discovery.yaml"};
    private static final Schema STANDARD = load();

    private final Map<String, TypeDef> types;

    Schema(Map<String, TypeDef> types) {
        this.types = Map.copyOf(types);
    }

    /** The schema of the kinds kubetutor serves (Kubernetes 1.32). */
    public static Schema standard() {
        return STANDARD;
    }

    public Optional<TypeDef> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public TypeDef typeOf(ResourceType kind) {
        TypeDef t = types.get(kind.kind());
        if (t == null) {
            throw new IllegalArgumentException("no schema for " + kind.kind());
        }
        return t;
    }

    /**
     * The fields of {@code object} the kind does not have, as the API server's strict decoding names
     * them ({@code spec.containers[0].imagex}), in the order the decoder meets them: kubectl sends
     * JSON marshalled from a map, so keys arrive sorted.
     */
    public List<String> unknownFields(ResourceType kind, JsonNode object) {
        List<String> out = new ArrayList<>();
        collectUnknown(typeOf(kind), object, "", out, false);
        return out;
    }

    private void collectUnknown(TypeDef type, JsonNode node, String path, List<String> out, boolean remove) {
        if (type.open() || !node.isObject()) {
            return;
        }
        for (String key : sortedKeys(node)) {
            String child = path.isEmpty() ? key : path + "." + key;
            Optional<Field> f = type.field(key);
            if (f.isEmpty()) {
                out.add(child);
                if (remove) {
                    ((ObjectNode) node).remove(key);
                }
            } else {
                collectUnknown(f.get().type(), node.get(key), child, out, remove);
            }
        }
    }

    private void collectUnknown(FieldType ft, JsonNode node, String path, List<String> out, boolean remove) {
        if (ft instanceof FieldType.Ref ref) {
            collectUnknown(types.get(ref.name()), node, path, out, remove);
        } else if (ft instanceof FieldType.ArrayOf arr && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUnknown(arr.item(), node.get(i), path + "[" + i + "]", out, remove);
            }
        } else if (ft instanceof FieldType.MapOf map && node.isObject()) {
            for (String key : sortedKeys(node)) {
                collectUnknown(map.value(), node.get(key), path + "[" + key + "]", out, remove);
            }
        }
    }

    /**
     * Removes, in place, the fields {@link #unknownFields} names (what a lenient decoder drops), and
     * returns their paths in the same order.
     */
    public List<String> dropUnknown(ResourceType kind, ObjectNode object) {
        List<String> out = new ArrayList<>();
        collectUnknown(typeOf(kind), object, "", out, true);
        return out;
    }

    static List<String> sortedKeys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        keys.sort(null);
        return keys;
    }

    /** Rewrites {@code object} in place so every struct's keys follow Go struct order (what -o json of a typed object prints). */
    public void reorder(ResourceType kind, ObjectNode object) {
        reorder(typeOf(kind), object);
    }

    void reorder(TypeDef type, ObjectNode node) {
        if (type.open()) {
            return;
        }
        // Most objects arrive in order already (copies of stored ones): they are only walked.
        if (!inGoOrder(type, node)) {
            Map<String, JsonNode> known = new LinkedHashMap<>();
            Map<String, JsonNode> extra = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                (type.fieldOrNull(e.getKey()) != null ? known : extra).put(e.getKey(), e.getValue());
            }
            node.removeAll();
            for (Field f : type.fields()) {
                JsonNode v = known.get(f.name());
                if (v != null) {
                    node.set(f.name(), v);
                }
            }
            extra.forEach(node::set);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Field f = type.fieldOrNull(e.getKey());
            if (f != null) {
                reorder(f.type(), e.getValue());
            }
        }
    }

    /** Known fields in struct order, unknown ones (kept as they are) after them all. */
    private static boolean inGoOrder(TypeDef type, ObjectNode node) {
        int last = -1;
        boolean extras = false;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            Integer at = type.positions().get(it.next());
            if (at == null) {
                extras = true;
            } else if (extras || at < last) {
                return false;
            } else {
                last = at;
            }
        }
        return true;
    }

    private void reorder(FieldType ft, JsonNode v) {
        if (ft instanceof FieldType.Ref ref && v instanceof ObjectNode o) {
            reorder(types.get(ref.name()), o);
        } else if (ft instanceof FieldType.ArrayOf arr && v instanceof ArrayNode a) {
            a.forEach(item -> reorder(arr.item(), item));
        } else if (ft instanceof FieldType.MapOf map && v.isObject()) {
            v.forEach(item -> reorder(map.value(), item));
        }
    }

    // ---- loading ----

    private static Schema load() {
        Map<String, TypeDef> types = new LinkedHashMap<>();
        for (String file : FILES) {
            JsonNode root = ResourceYaml.resource("/kubetutor/schema/" + file);
            root.fields().forEachRemaining(e -> types.put(e.getKey(), parseType(e.getKey(), e.getValue())));
        }
        Schema schema = new Schema(types);
        schema.checkReferences();
        return schema;
    }

    private static TypeDef parseType(String name, JsonNode def) {
        List<Field> fields = new ArrayList<>();
        JsonNode fs = def.path("fields");
        fs.fields().forEachRemaining(e -> fields.add(parseField(e.getKey(), e.getValue().asText())));
        return new TypeDef(name, def.path("go").asText(name), def.path("desc").asText(), def.path("open").asBoolean(false), fields);
    }

    /** Parses {@code "TYPE[!] [enum=A,B] | description"}. */
    static Field parseField(String name, String spec) {
        int bar = spec.indexOf(" | ");
        String head = bar < 0 ? spec : spec.substring(0, bar);
        String desc = bar < 0 ? "" : spec.substring(bar + 3);
        // Split by hand: split(" +") compiles a regex per call, and every start reads some 700 fields.
        List<String> parts = new ArrayList<>();
        for (String p : head.trim().split(" ")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        String type = parts.get(0);
        boolean required = type.endsWith("!");
        if (required) {
            type = type.substring(0, type.length() - 1);
        }
        List<String> enums = List.of();
        for (String p : parts.subList(1, parts.size())) {
            if (p.startsWith("enum=")) {
                enums = Arrays.asList(p.substring(5).split(","));
            }
        }
        return new Field(name, FieldType.parse(type), required, List.copyOf(enums), desc);
    }

    /** Fails fast if a field names a type no file defines: a typo would silently accept anything. */
    private void checkReferences() {
        for (TypeDef t : types.values()) {
            for (Field f : t.fields()) {
                FieldType ft = f.type();
                while (ft instanceof FieldType.ArrayOf || ft instanceof FieldType.MapOf) {
                    ft = ft instanceof FieldType.ArrayOf a ? a.item() : ((FieldType.MapOf) ft).value();
                }
                if (ft instanceof FieldType.Ref r && !types.containsKey(r.name())) {
                    throw new IllegalStateException(t.name() + "." + f.name() + " refers to unknown type " + r.name());
                }
            }
        }
    }
}
