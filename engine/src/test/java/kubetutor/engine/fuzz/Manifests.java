package kubetutor.engine.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.schema.Field;
import kubetutor.engine.api.schema.FieldType;
import kubetutor.engine.api.schema.Schema;
import kubetutor.engine.api.schema.TypeDef;
import kubetutor.engine.format.JsonWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;
import java.util.Random;

/**
 * Manifests built from the engine's own schema (every served kind, its fields and their types),
 * mostly well-formed and then broken on purpose: values of the wrong type or past their range,
 * unknown fields, and YAML that go-yaml refuses (aliases that contain themselves or expand without
 * end, control characters, tabs, nesting past the limit, truncation).
 */
final class Manifests {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Schema SCHEMA = Schema.standard();

    private Manifests() {}

    /** A manifest's text, as YAML (the JSON of an object is YAML too) and sometimes broken. */
    static Arbitrary<String> yamlTexts() {
        Arbitrary<String> objects = Combinators.combine(Arbitraries.of(ResourceTypes.ALL_TYPES), Arbitraries.longs())
                .as((type, seed) -> JsonWriter.compact(object(type.kind(), type.apiVersion(), new Random(seed))));
        return Combinators.combine(objects, Arbitraries.integers().between(0, 9), Arbitraries.longs())
                .as((text, how, seed) -> how < 5 ? text : breakYaml(text, how, new Random(seed)));
    }

    /** One object of {@code kind}, its fields filled from the schema, some with hostile values. */
    static ObjectNode object(String kind, String apiVersion, Random r) {
        ObjectNode o = (ObjectNode) fill(SCHEMA.type(kind).orElseThrow(), r, 0);
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        o.remove("status");
        ObjectNode meta = o.has("metadata") && o.get("metadata").isObject() ? (ObjectNode) o.get("metadata") : o.putObject("metadata");
        meta.put("name", r.nextInt(4) == 0 ? pick(HostileInputs.NASTY, r) : "fz" + r.nextInt(1000));
        meta.remove("namespace");
        meta.remove("resourceVersion");
        meta.remove("uid");
        return o;
    }

    private static JsonNode fill(TypeDef type, Random r, int depth) {
        ObjectNode o = JSON.objectNode();
        for (Field f : type.fields()) {
            if (depth < 6 && (f.required() || r.nextInt(3) == 0)) {
                o.set(f.name(), value(f.type(), f.enumValues(), r, depth + 1));
            }
        }
        if (r.nextInt(20) == 0) {
            o.put("unknownField" + r.nextInt(3), "x");
        }
        return o;
    }

    private static JsonNode value(FieldType ft, List<String> enums, Random r, int depth) {
        if (r.nextInt(25) == 0) {
            return wrongType(r);
        }
        if (ft instanceof FieldType.Ref ref) {
            return SCHEMA.type(ref.name()).map(t -> fill(t, r, depth)).orElse(JSON.objectNode());
        }
        if (ft instanceof FieldType.ArrayOf a) {
            var arr = JSON.arrayNode();
            for (int i = r.nextInt(3); i > 0; i--) {
                arr.add(value(a.item(), enums, r, depth + 1));
            }
            return arr;
        }
        if (ft instanceof FieldType.MapOf m) {
            ObjectNode map = JSON.objectNode();
            for (int i = r.nextInt(3); i > 0; i--) {
                map.set(r.nextBoolean() ? "app" : pick(HostileInputs.NASTY, r), value(m.value(), enums, r, depth + 1));
            }
            return map;
        }
        if (!enums.isEmpty() && r.nextInt(4) != 0) {
            return JSON.textNode(pick(enums, r));
        }
        return switch (((FieldType.Scalar) ft).name()) {
            case "int32", "int64" -> r.nextInt(5) == 0 ? JSON.numberNode(new java.math.BigInteger("99999999999999999999"))
                    : JSON.numberNode(r.nextInt(7) - 1);
            case "boolean" -> JSON.booleanNode(r.nextBoolean());
            case "float64" -> JSON.numberNode(r.nextDouble() * 1e10);
            case "Quantity" -> JSON.textNode(pick(List.of("100m", "1", "64Mi", "1.5Gi", "-1", "12.5.3", "1e400",
                    "99999999999999999999999", "1ki", "0"), r));
            case "IntOrString" -> r.nextBoolean() ? JSON.numberNode(r.nextInt(70000) - 1) : JSON.textNode(pick(List.of("http", "25%", "x%", "80"), r));
            case "Time", "MicroTime" -> JSON.textNode(r.nextBoolean() ? "2026-01-05T09:00:00Z" : "yesterday");
            default -> JSON.textNode(r.nextInt(3) == 0 ? pick(HostileInputs.NASTY, r) : pick(HostileInputs.NAMES, r));
        };
    }

    private static JsonNode wrongType(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> JSON.textNode("x");
            case 1 -> JSON.numberNode(1);
            case 2 -> JSON.arrayNode().add(1);
            default -> JSON.objectNode().put("a", "b");
        };
    }

    /** YAML that go-yaml (and so kubectl) refuses, or that tests its limits. */
    private static String breakYaml(String json, int how, Random r) {
        return switch (how) {
            case 5 -> json.substring(0, r.nextInt(json.length() + 1)); // cut off
            case 6 -> "apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: x, self: *m}\n";
            case 7 -> laughs(3 + r.nextInt(8));
            case 8 -> "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: " + "[".repeat(990 + r.nextInt(20))
                    + "]".repeat(990 + r.nextInt(20)) + "\n";
            default -> json.replace(",", pick(List.of(",\t", ",\u0001", ", &a ", ",\n  - ", ",,"), r));
        };
    }

    /** A "billion laughs": each level refers nine times to the one before. */
    static String laughs(int levels) {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < levels; i++) {
            sb.append("  l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                sb.append(j > 0 ? ", " : "").append("*l").append(i - 1);
            }
            sb.append("]\n");
        }
        return sb.toString();
    }

    private static String pick(List<String> values, Random r) {
        return values.get(r.nextInt(values.size()));
    }
}
