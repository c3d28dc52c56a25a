package kubetutor.engine.kubectl.describe;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * kubectl's generic describer, for the kinds 1.32 has no describer of its own for (events): name,
 * namespace, labels and annotations, then every other field of the object as it came from the
 * server, sorted by name, each under a label made of its name's words.
 */
final class GenericDescriber implements Describer {
    private static final Set<String> SKIP = Set.of(".metadata.managedFields", ".metadata.name", ".metadata.namespace",
            ".metadata.labels", ".metadata.annotations");
    private static final Set<String> ACRONYMS = Set.of("API", "URL", "UID", "OSB", "GUID");

    @Override
    public ResourceType type() {
        return ResourceTypes.EVENT;
    }

    @Override
    public String describe(JsonNode obj, DescribeContext ctx) {
        DescribeWriter w = new DescribeWriter();
        w.field(0, "Name", Meta.name(obj));
        w.field(0, "Namespace", Meta.namespace(obj));
        Fields.labels(w, "Labels", Meta.labels(obj));
        Fields.annotations(w, Meta.annotations(obj));
        content(w, 0, obj, "");
        if (ctx.showEvents()) {
            EventsSection.write(w, EventsSection.about(ctx, obj), ctx.now());
        }
        return w.text();
    }

    /** printUnstructuredContent: an object's fields in name order, maps and lists one level deeper. */
    private static void content(DescribeWriter w, int level, JsonNode map, String path) {
        TreeMap<String, JsonNode> fields = new TreeMap<>();
        map.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        fields.forEach((field, value) -> {
            String at = path + "." + field;
            if (SKIP.contains(at)) {
                return;
            }
            if (value.isObject()) {
                w.write(level, label(field) + ":\n");
                content(w, level + 1, value, at);
            } else if (value.isArray()) {
                w.write(level, label(field) + ":\n");
                for (JsonNode child : value) {
                    if (child.isObject()) {
                        content(w, level + 1, child, at);
                    } else {
                        w.write(level + 1, scalar(child) + "\n");
                    }
                }
            } else {
                w.write(level, label(field) + ":\t" + scalar(value) + "\n");
            }
        });
    }

    /** Go's %v of a decoded JSON value: null is <nil>. */
    private static String scalar(JsonNode v) {
        return v.isNull() ? "<nil>" : v.asText();
    }

    /** smartLabelFor: "firstTimestamp" is "First Timestamp", "apiVersion" "API Version"; other characters keep the name as it is. */
    static String label(String field) {
        if (!field.chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
            return field;
        }
        List<String> out = new ArrayList<>();
        for (String part : camelSplit(field)) {
            out.add(ACRONYMS.contains(part.toUpperCase()) ? part.toUpperCase()
                    : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return String.join(" ", out);
    }

    /** fatih/camelcase Split: runs of one character class; an upper-case run gives its last letter to a lower-case run after it. */
    private static List<String> camelSplit(String s) {
        List<StringBuilder> runs = new ArrayList<>();
        int last = -1;
        for (char c : s.toCharArray()) {
            int cls = Character.isLowerCase(c) ? 1 : Character.isUpperCase(c) ? 2 : Character.isDigit(c) ? 3 : 4;
            if (cls != last) {
                runs.add(new StringBuilder());
                last = cls;
            }
            runs.get(runs.size() - 1).append(c);
        }
        for (int i = 0; i < runs.size() - 1; i++) {
            StringBuilder a = runs.get(i);
            StringBuilder b = runs.get(i + 1);
            if (Character.isUpperCase(a.charAt(0)) && Character.isLowerCase(b.charAt(0))) {
                b.insert(0, a.charAt(a.length() - 1));
                a.setLength(a.length() - 1);
            }
        }
        return runs.stream().filter(r -> r.length() > 0).map(StringBuilder::toString).toList();
    }
}
