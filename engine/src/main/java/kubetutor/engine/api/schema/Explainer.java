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
        ResourceType k = kind.get();
        StringBuilder out = new StringBuilder(header(k));
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
                    field.enumValues().forEach(v -> out.append("\n    ").append(shown(v)));
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
                    out.append("\n  enum: ").append(shortEnum(f));
                }
                out.append('\n').append(indent(wrap(f.description().isEmpty() ? "<no description>" : f.description(), WIDTH), 4))
                        .append("\n\n");
            }
        }
        return Optional.of(out.append('\n').toString());
    }

    /**
     * The GROUP/KIND/VERSION lines kubectl prints for a path whose kind is known. Its template writes
     * them before it follows the fields, so they come out even when a field does not exist.
     */
    public Optional<String> header(String path) {
        String[] parts = path.split("\\.");
        return parts.length == 0 ? Optional.empty() : ResourceTypes.find(parts[0]).map(Explainer::header);
    }

    /**
     * kubectl's error when --api-version names a group-version the server has no OpenAPI document
     * for, or one whose paths do not hold the resource; empty when the kind is served there.
     */
    public Optional<String> apiVersionError(String path, String apiVersion) {
        String[] parts = path.split("\\.");
        Optional<ResourceType> kind = parts.length == 0 ? Optional.empty() : ResourceTypes.find(parts[0]);
        if (kind.isEmpty() || apiVersion.equals(kind.get().apiVersion())) {
            return Optional.empty();
        }
        String gvr = (apiVersion.contains("/") ? "" : "/") + apiVersion + ", Resource=" + kind.get().plural();
        boolean served = ResourceTypes.ALL_TYPES.stream().anyMatch(t -> t.apiVersion().equals(apiVersion));
        return Optional.of(served ? "error: GVR (" + gvr + ") not found in OpenAPI schema"
                : "error: couldn't find resource for \"" + gvr + "\"");
    }

    private static String header(ResourceType k) {
        return (k.group().isEmpty() ? "" : "GROUP:      " + k.group() + "\n")
                + "KIND:       " + k.kind() + "\n"
                + "VERSION:    " + k.version() + "\n\n";
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
                out.append('\n').append(pad).append("enum: ").append(shortEnum(f));
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

    /** The one-line enum of a field list: four values at most, then ", ....". */
    private static String shortEnum(Field f) {
        List<String> values = f.enumValues();
        List<String> shown = values.subList(0, Math.min(4, values.size())).stream().map(Explainer::shown).toList();
        return String.join(", ", shown) + (values.size() > 4 ? ", ...." : "");
    }

    /** The template writes the empty value as {@code ""}, so that it can be seen. */
    private static String shown(String enumValue) {
        return enumValue.isEmpty() ? "\"\"" : enumValue;
    }

    /**
     * kubectl's error for a path {@link #explain} cannot answer. An unknown resource is the REST
     * mapper's no-match error, which kubectl prints without its "error: " prefix.
     */
    public String error(String path) {
        String[] parts = path.split("\\.");
        String type = parts.length == 0 ? "" : parts[0];
        if (ResourceTypes.find(type).isEmpty()) {
            return "the server doesn't have a resource type \"" + type + "\"";
        }
        return "error: field \"" + parts[parts.length - 1] + "\" does not exist";
    }

    /**
     * The struct or leaf type under any lists and maps. Time, IntOrString and Quantity are leaves with
     * a schema (and a description) of their own in OpenAPI, so a field of theirs shows it too.
     */
    private static String elementTypeName(FieldType t) {
        while (t instanceof FieldType.ArrayOf || t instanceof FieldType.MapOf) {
            t = t instanceof FieldType.ArrayOf a ? a.item() : ((FieldType.MapOf) t).value();
        }
        return t instanceof FieldType.Ref r ? r.name() : ((FieldType.Scalar) t).name();
    }

    /** OpenAPI's type as the template's typeGuess names it: a struct by its Go name, without the package. */
    String typeName(FieldType t) {
        if (t instanceof FieldType.ArrayOf a) {
            return "[]" + typeName(a.item());
        }
        if (t instanceof FieldType.MapOf m) {
            return "map[string]" + typeName(m.value());
        }
        if (t instanceof FieldType.Ref r) {
            String go = schema.type(r.name()).map(TypeDef::goName).orElse(r.name());
            return go.substring(go.lastIndexOf('.') + 1);
        }
        return switch (((FieldType.Scalar) t).name()) {
            case "int32", "int64" -> "integer";
            case "float64" -> "number";
            case "Time", "MicroTime", "bytes" -> "string";
            default -> ((FieldType.Scalar) t).name();
        };
    }

    /**
     * go-wordwrap's WrapString, which kubectl's template calls: spaces are kept as written (two
     * after a full stop, an indented list's leading ones), a line breaks before the word that would
     * pass {@code width}, the spaces at a break are dropped, and a word longer than a line stays whole.
     */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        StringBuilder word = new StringBuilder();
        StringBuilder spaces = new StringBuilder();
        int current = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (word.isEmpty()) {
                    if (current + spaces.length() <= width) {
                        out.append(spaces);
                    }
                } else {
                    out.append(spaces).append(word);
                    word.setLength(0);
                }
                spaces.setLength(0);
                out.append(c);
                current = 0;
            } else if (Character.isWhitespace(c) && c != '\u00a0') {
                if (spaces.isEmpty() || !word.isEmpty()) {
                    current += spaces.length() + word.length();
                    out.append(spaces).append(word);
                    spaces.setLength(0);
                    word.setLength(0);
                }
                spaces.append(c);
            } else {
                word.append(c);
                if (current + spaces.length() + word.length() > width && word.length() < width) {
                    out.append('\n');
                    current = 0;
                    spaces.setLength(0);
                }
            }
        }
        if (word.isEmpty()) {
            if (current + spaces.length() <= width) {
                out.append(spaces);
            }
        } else {
            out.append(spaces).append(word);
        }
        return out.toString();
    }

    /** sprig-style indent: the pad goes before every line, including an empty last one. */
    static String indent(String text, int n) {
        String pad = " ".repeat(n);
        return pad + text.replace("\n", "\n" + pad);
    }
}
