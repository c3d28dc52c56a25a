package kubetutor.engine.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.api.patch.PatchMeta;
import kubetutor.engine.api.schema.Field;
import kubetutor.engine.api.schema.FieldType;
import kubetutor.engine.api.schema.Schema;
import kubetutor.engine.api.schema.TypeDef;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code components.schemas} of a group-version's OpenAPI v3 document, generated from the engine's
 * schema in the shape kube-openapi gives a 1.32 server's: schemas named by Go package
 * ({@code io.k8s.api.core.v1.Pod}), a struct field as {@code allOf: [$ref]} beside its description,
 * list items and map values without one, the kinds marked with x-kubernetes-group-version-kind, and
 * the strategic merge tags. {@code kubectl explain} renders from exactly these.
 */
final class OpenApiSchemas {
    private static final String REF = "#/components/schemas/";
    private static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    /** The shared structs of k8s.io/apimachinery that the served kinds use. */
    private static final Set<String> META_TYPES = Set.of("ObjectMeta", "OwnerReference", "ManagedFieldsEntry", "FieldsV1",
            "LabelSelector", "LabelSelectorRequirement", "Condition", "Time", "MicroTime");
    private static final Map<String, String> LEAF_NAMES = Map.of(
            "IntOrString", "io.k8s.apimachinery.pkg.util.intstr.IntOrString",
            "Quantity", "io.k8s.apimachinery.pkg.api.resource.Quantity");

    private final Schema schema;
    /** Each struct's Go package, as the group of the kinds that reach it (core wins: PodSpec is core/v1). */
    private final Map<String, String> packages = new HashMap<>();

    OpenApiSchemas(Schema schema) {
        this.schema = schema;
        List<ResourceType> coreFirst = ResourceTypes.ALL_TYPES.stream()
                .sorted(Comparator.comparing(t -> !t.group().isEmpty())).toList();
        for (ResourceType t : coreFirst) {
            String pkg = "io.k8s.api." + (t.group().isEmpty() ? "core" : t.group().split("\\.")[0]) + "." + t.version() + ".";
            reachable(t.kind()).forEach(name -> packages.putIfAbsent(name, pkg));
        }
    }

    /** The schemas a group-version's document holds: its kinds and every type they reach. */
    ObjectNode forGroupVersion(String groupVersion) {
        Map<String, ObjectNode> sorted = new TreeMap<>();
        for (ResourceType t : ResourceTypes.ALL_TYPES) {
            if (!t.apiVersion().equals(groupVersion)) {
                continue;
            }
            for (String name : reachable(t.kind())) {
                sorted.computeIfAbsent(openApiName(name), n -> schemaOf(name));
            }
            ArrayNode gvks = sorted.get(openApiName(t.kind())).putArray("x-kubernetes-group-version-kind");
            gvks.addObject().put("group", t.group()).put("kind", t.kind()).put("version", t.version());
        }
        ObjectNode schemas = Meta.JSON.objectNode();
        sorted.forEach(schemas::set);
        return schemas;
    }

    /** The type and every type its fields name, leaves with schemas of their own (Time, Quantity) included. */
    private Set<String> reachable(String root) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            schema.type(name).ifPresent(t -> t.fields().forEach(f -> {
                String element = elementName(f.type());
                if (schema.type(element).isPresent()) {
                    todo.push(element);
                }
            }));
        }
        return seen;
    }

    private String openApiName(String name) {
        if (META_TYPES.contains(name)) {
            return META + name;
        }
        String go = schema.type(name).map(TypeDef::goName).orElse(name);
        return LEAF_NAMES.getOrDefault(name, packages.getOrDefault(name, "io.k8s.api.core.v1.") + go.substring(go.lastIndexOf('.') + 1));
    }

    private ObjectNode schemaOf(String name) {
        TypeDef t = schema.type(name).orElseThrow();
        ObjectNode s = Meta.JSON.objectNode();
        if (!t.description().isEmpty()) {
            s.put("description", t.description());
        }
        switch (name) {
            case "Time", "MicroTime" -> {
                s.put("type", "string");
                s.put("format", "date-time");
                return s;
            }
            // the v3 document types both leaves by the JSON values they accept
            case "IntOrString" -> {
                s.put("format", "int-or-string");
                s.putArray("oneOf").add(typed("integer")).add(typed("string"));
                return s;
            }
            case "Quantity" -> {
                s.putArray("oneOf").add(typed("string")).add(typed("number"));
                return s;
            }
            default -> { }
        }
        ObjectNode properties = Meta.JSON.objectNode();
        t.fields().stream().sorted(Comparator.comparing(Field::name))
                .forEach(f -> properties.set(f.name(), property(t, f)));
        if (!properties.isEmpty()) {
            s.set("properties", properties);
        }
        List<String> required = t.fields().stream().filter(Field::required).map(Field::name).toList();
        if (!required.isEmpty()) {
            ArrayNode r = s.putArray("required");
            required.forEach(r::add);
        }
        s.put("type", "object");
        return s;
    }

    private ObjectNode property(TypeDef owner, Field f) {
        ObjectNode p = valueSchema(f.type(), false);
        if (!f.description().isEmpty()) {
            p.put("description", f.description());
        }
        if (!f.enumValues().isEmpty()) {
            ArrayNode e = p.putArray("enum");
            f.enumValues().forEach(e::add);
        }
        PatchMeta tags = PatchMeta.of(owner.name(), f.name());
        if (!tags.key().isEmpty()) {
            p.put("x-kubernetes-patch-merge-key", tags.key());
        }
        String strategy = tags.merge() && tags.retainKeys() ? "merge,retainKeys" : tags.merge() ? "merge"
                : tags.retainKeys() ? "retainKeys" : "";
        if (!strategy.isEmpty()) {
            p.put("x-kubernetes-patch-strategy", strategy);
        }
        return p;
    }

    /**
     * The schema of a value. A struct is referred to through allOf so that a description can sit
     * beside it; list items and map values, which carry none, get the zero value as their default.
     */
    private ObjectNode valueSchema(FieldType type, boolean element) {
        ObjectNode s = Meta.JSON.objectNode();
        if (type instanceof FieldType.ArrayOf a) {
            s.put("type", "array");
            s.set("items", valueSchema(a.item(), true));
        } else if (type instanceof FieldType.MapOf m) {
            s.put("type", "object");
            s.set("additionalProperties", valueSchema(m.value(), true));
        } else if (type instanceof FieldType.Ref r) {
            struct(s, r.name(), element);
        } else {
            String name = ((FieldType.Scalar) type).name();
            switch (name) {
                case "string" -> s.put("type", "string");
                case "int32", "int64" -> s.put("type", "integer").put("format", name);
                case "float64" -> s.put("type", "number").put("format", "double");
                case "boolean" -> s.put("type", "boolean");
                case "bytes" -> s.put("type", "string").put("format", "byte");
                default -> struct(s, name, element); // Time, MicroTime, IntOrString, Quantity
            }
            if (element && name.equals("string")) {
                s.put("default", "");
            } else if (element && name.startsWith("int")) {
                s.put("default", 0);
            }
        }
        return s;
    }

    private void struct(ObjectNode s, String name, boolean element) {
        if (element) {
            s.putObject("default");
        }
        s.putArray("allOf").addObject().put("$ref", REF + openApiName(name));
    }

    private static ObjectNode typed(String type) {
        return Meta.JSON.objectNode().put("type", type);
    }

    private static String elementName(FieldType t) {
        while (t instanceof FieldType.ArrayOf || t instanceof FieldType.MapOf) {
            t = t instanceof FieldType.ArrayOf a ? a.item() : ((FieldType.MapOf) t).value();
        }
        return t instanceof FieldType.Ref r ? r.name() : ((FieldType.Scalar) t).name();
    }
}
