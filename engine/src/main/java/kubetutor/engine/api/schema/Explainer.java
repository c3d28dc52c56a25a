package kubetutor.engine.api.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;

/**
 * {@code kubectl explain} in 1.32's default (OpenAPI v3 "plaintext") layout: a GROUP/KIND/VERSION
 * header, FIELD and ENUM for a field path, the DESCRIPTION wrapped at 76 columns, then FIELDS sorted
 * by name, each {@code name<TAB><type>} with {@code -required-} and a short enum line.
 */
public final class Explainer {
    private static final int WIDTH = 76;

    private final Schema schema;

    public Explainer(Schema schema) {
        this.schema = schema;
    }

    /** The text kubectl prints for {@code kubectl explain PATH}, or empty when {@link #error} applies. */
    public Optional<String> explain(String path) {
        return explain(path, false);
    }

    /**
     * With {@code recursive}, FIELDS lists every field below too, one line each, indented two more
     * spaces per level, and stops where a type would contain itself (plaintext.tmpl's fieldList).
     */
    public Optional<String> explain(String path, boolean recursive) {
        String[] parts = path.split("\\.");
        if (parts.length == 0) {
            return Optional.empty(); // "." names no type: the error applies
        }
        Optional<ResourceType> kind = ResourceTypes.find(parts[0]);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        ResourceType k = kind.get();
        if (!k.group().isEmpty()) {
            out.append("GROUP:      ").append(k.group()).append('\n');
        }
        out.append("KIND:       ").append(k.kind()).append('\n');
        out.append("VERSION:    ").append(k.version()).append("\n\n");
        TypeDef type = schema.typeOf(k);
        List<String> descriptions = new ArrayList<>();
        descriptions.add(type.description());
        for (int i = 1; i < parts.length; i++) {
            if (type == null) {
                return Optional.empty();
            }
            Optional<Field> f = type.field(parts[i]);
            if (f.isEmpty()) {
                return Optional.empty();
            }
            Field field = f.get();
            TypeDef next = schema.type(elementTypeName(field.type())).orElse(null);
            if (i == parts.length - 1) {
                out.append("FIELD: ").append(field.name()).append(" <").append(typeName(field.type())).append(">\n");
                if (!field.enumValues().isEmpty()) {
                    out.append("ENUM:");
                    field.enumValues().forEach(v -> out.append("\n    ").append(v));
                }
                out.append("\n\n");
                // the field's own words, then (for a struct) those of its type, as OpenAPI's allOf gives them
                descriptions = new ArrayList<>();
                descriptions.add(field.description());
                if (next != null) {
                    descriptions.add(next.description());
                }
            }
            type = next;
        }
        out.append("DESCRIPTION:\n");
        StringBuilder desc = new StringBuilder();
        for (String d : descriptions) {
            desc.append(d).append('\n');
        }
        out.append(indent(wrap(desc.toString(), WIDTH), 4)).append('\n');
        if (type != null && !type.fields().isEmpty() && recursive) {
            out.append("FIELDS:\n");
            fieldTree(out, type, 1, new java.util.HashSet<>(java.util.Set.of(type.name())));
        } else if (type != null && !type.fields().isEmpty()) {
            out.append("FIELDS:\n");
            List<Field> sorted = new ArrayList<>(type.fields());
            sorted.sort((a, b) -> a.name().compareTo(b.name()));
            for (Field f : sorted) {
                out.append("  ").append(f.name()).append('\t').append('<').append(typeName(f.type())).append('>');
                if (f.required()) {
                    out.append(" -required-");
                }
                if (!f.enumValues().isEmpty()) {
                    List<String> shown = f.enumValues().size() > 4 ? f.enumValues().subList(0, 4) : f.enumValues();
                    out.append("\n  enum: ").append(String.join(", ", shown)).append(f.enumValues().size() > 4 ? ", ...." : "");
                }
                out.append('\n').append(indent(wrap(f.description().isEmpty() ? "<no description>" : f.description(), WIDTH), 4))
                        .append("\n\n");
            }
        }
        return Optional.of(out.append('\n').toString());
    }

    private void fieldTree(StringBuilder out, TypeDef type, int level, java.util.Set<String> ancestors) {
        String pad = " ".repeat(level * 2);
        List<Field> sorted = new ArrayList<>(type.fields());
        sorted.sort((a, b) -> a.name().compareTo(b.name()));
        for (Field f : sorted) {
            out.append(pad).append(f.name()).append('\t').append('<').append(typeName(f.type())).append('>');
            if (f.required()) {
                out.append(" -required-");
            }
            if (!f.enumValues().isEmpty()) {
                List<String> shown = f.enumValues().size() > 4 ? f.enumValues().subList(0, 4) : f.enumValues();
                out.append('\n').append(pad).append("enum: ").append(String.join(", ", shown))
                        .append(f.enumValues().size() > 4 ? ", ...." : "");
            }
            out.append('\n');
            TypeDef next = schema.type(elementTypeName(f.type())).orElse(null);
            if (next != null && !ancestors.contains(next.name())) {
                java.util.Set<String> below = new java.util.HashSet<>(ancestors);
                below.add(next.name());
                fieldTree(out, next, level + 1, below);
            }
        }
    }

    /** kubectl's error for a path {@link #explain} cannot answer. */
    public String error(String path) {
        String[] parts = path.split("\\.");
        String type = parts.length == 0 ? "" : parts[0];
        if (ResourceTypes.find(type).isEmpty()) {
            return "error: the server doesn't have a resource type \"" + type + "\"";
        }
        return "error: field \"" + parts[parts.length - 1] + "\" does not exist";
    }

    private static String elementTypeName(FieldType t) {
        while (t instanceof FieldType.ArrayOf || t instanceof FieldType.MapOf) {
            t = t instanceof FieldType.ArrayOf a ? a.item() : ((FieldType.MapOf) t).value();
        }
        return t instanceof FieldType.Ref r ? r.name() : "";
    }

    /** OpenAPI's type as the template's typeGuess names it. */
    static String typeName(FieldType t) {
        if (t instanceof FieldType.ArrayOf a) {
            return "[]" + typeName(a.item());
        }
        if (t instanceof FieldType.MapOf m) {
            return "map[string]" + typeName(m.value());
        }
        if (t instanceof FieldType.Ref r) {
            return r.name();
        }
        return switch (((FieldType.Scalar) t).name()) {
            case "int32", "int64" -> "integer";
            case "float64" -> "number";
            case "Time", "MicroTime", "bytes" -> "string";
            default -> ((FieldType.Scalar) t).name();
        };
    }

    /** Greedy word wrap that keeps existing line breaks, lines up to {@code width} characters (go-wordwrap). */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int li = 0; li < lines.length; li++) {
            if (li > 0) {
                out.append('\n');
            }
            int current = 0;
            for (String word : lines[li].split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (current > 0 && current + 1 + word.length() > width) {
                    out.append('\n');
                    current = 0;
                } else if (current > 0) {
                    out.append(' ');
                    current++;
                }
                out.append(word);
                current += word.length();
            }
        }
        return out.toString();
    }

    /** sprig-style indent: the pad goes before every line, including an empty last one. */
    static String indent(String text, int n) {
        String pad = " ".repeat(n);
        return pad + text.replace("\n", "\n" + pad);
    }
}
