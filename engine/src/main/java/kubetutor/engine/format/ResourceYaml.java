package kubetutor.engine.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the YAML files kubetutor ships (the API schema, the image catalog) into the tree a YAML
 * library would give, without one: every start of kubetutor reads them, and a general YAML parser
 * plus Jackson's ObjectMapper cost more than the rest of the start-up together (issue 5).
 *
 * <p>It knows the subset those files use: block mappings and sequences, plain, double- and
 * single-quoted scalars, one-line flow sequences and mappings, literal block scalars ({@code |})
 * and comments. Anything else (anchors, tags, folded or chomped scalars, multi-line flow or quoted
 * scalars) is an error naming the line, so a resource that outgrows the subset fails loudly in the
 * tests instead of being misread. User manifests go through {@link ManifestReader}, not here.
 */
public final class ResourceYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String name;
    private final List<String> lines;
    private int pos;

    private ResourceYaml(String name, String text) {
        this.name = name;
        this.lines = Arrays.asList(text.replace("\r\n", "\n").split("\n", -1));
    }

    /** The classpath resource {@code path} (UTF-8) as a tree. */
    public static JsonNode resource(String path) {
        try (InputStream in = ResourceYaml.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} as a tree; {@code name} only names the source in errors. Empty text gives a null node. */
    public static JsonNode parse(String name, String text) {
        ResourceYaml r = new ResourceYaml(name, text);
        if (!r.skipBlank()) {
            return NODES.nullNode();
        }
        JsonNode root = r.block(r.indentOf(r.pos));
        if (r.skipBlank()) {
            throw r.error("unexpected content at a lower indentation");
        }
        return root;
    }

    // ---- block structure ----

    private JsonNode block(int indent) {
        return isItem(lines.get(pos), indent) ? sequence(indent) : mapping(indent);
    }

    private ArrayNode sequence(int indent) {
        ArrayNode seq = NODES.arrayNode();
        while (skipBlank() && indentOf(pos) == indent && isItem(lines.get(pos), indent)) {
            String rest = lines.get(pos).substring(indent + 1);
            String item = rest.strip();
            if (item.isEmpty() || item.startsWith("#")) {
                pos++;
                seq.add(nested(indent, false));
                continue;
            }
            int itemIndent = indent + 1 + (rest.length() - rest.stripLeading().length());
            if (isItem(item, 0) || keyEnd(item) > 0) {
                // "- key: value" opens a mapping (or "- - x" a sequence) at the column after the dash.
                lines.set(pos, " ".repeat(itemIndent) + item);
                seq.add(block(itemIndent));
            } else {
                seq.add(inline(item, indent));
            }
        }
        checkNotDeeper(indent);
        return seq;
    }

    private ObjectNode mapping(int indent) {
        ObjectNode map = NODES.objectNode();
        while (skipBlank() && indentOf(pos) == indent && !isItem(lines.get(pos), indent)) {
            String content = lines.get(pos).substring(indent);
            int end = keyEnd(content);
            if (end <= 0) {
                throw error("expected \"key: value\"");
            }
            String key = key(content.substring(0, end));
            if (map.has(key)) {
                throw error("duplicate key " + key);
            }
            String rest = content.substring(end + 1).strip();
            if (rest.isEmpty() || rest.startsWith("#")) {
                pos++;
                map.set(key, nested(indent, true));
            } else {
                map.set(key, inline(rest, indent));
            }
        }
        checkNotDeeper(indent);
        return map;
    }

    /** The value of a key or dash with nothing after it: a deeper block, a sequence at the key's own indentation, or null. */
    private JsonNode nested(int indent, boolean afterKey) {
        if (!skipBlank()) {
            return NODES.nullNode();
        }
        int next = indentOf(pos);
        if (next > indent || (afterKey && next == indent && isItem(lines.get(pos), indent))) {
            return block(next);
        }
        return NODES.nullNode();
    }

    private void checkNotDeeper(int indent) {
        if (pos < lines.size() && !blank(lines.get(pos)) && indentOf(pos) > indent) {
            throw error("unexpected indentation");
        }
    }

    // ---- scalars and flow collections on one line ----

    /** The value written after "key:" or "- " on the current line; consumes that line (and a literal block's lines). */
    private JsonNode inline(String text, int indent) {
        char c = text.charAt(0);
        if (c == '|') {
            if (!comment(text.substring(1))) {
                throw error("only plain literal block scalars (|) are supported");
            }
            pos++;
            return NODES.textNode(literal(indent));
        }
        if ("&*!%@`>".indexOf(c) >= 0) {
            throw error("unsupported YAML syntax '" + c + "'");
        }
        JsonNode value;
        if (c == '[' || c == '{' || c == '"' || c == '\'') {
            YamlLine line = new YamlLine(text);
            value = flow(line::value);
            if (!comment(line.rest())) {
                throw error("unexpected text after the value");
            }
        } else {
            value = plainLine(text);
        }
        pos++;
        return value;
    }

    private JsonNode plainLine(String text) {
        int hash = text.indexOf(" #");
        String s = (hash < 0 ? text : text.substring(0, hash)).strip();
        if (s.contains(": ") || s.endsWith(":")) {
            throw error("a plain value may not hold \": \"");
        }
        return YamlLine.plain(s);
    }

    /** A literal block scalar with clip chomping: its lines less their common indentation, one final newline. */
    private String literal(int parentIndent) {
        int blockIndent = -1;
        StringBuilder out = new StringBuilder();
        int trailingBlank = 0;
        while (pos < lines.size()) {
            String line = lines.get(pos);
            if (line.isBlank()) {
                trailingBlank++;
                pos++;
                continue;
            }
            int ind = indentOf(pos);
            if (blockIndent < 0) {
                if (ind <= parentIndent) {
                    break;
                }
                blockIndent = ind;
            } else if (ind < blockIndent) {
                break;
            }
            out.append("\n".repeat(trailingBlank)).append(line, blockIndent, line.length()).append('\n');
            trailingBlank = 0;
            pos++;
        }
        // Trailing blank lines belong to no one; step back so the next key is read from the right line.
        pos -= trailingBlank;
        return out.toString();
    }

    // ---- lines ----

    private String key(String raw) {
        String k = raw.strip();
        if (k.startsWith("\"")) {
            YamlLine line = new YamlLine(k);
            String s = flow(line::doubleQuoted);
            if (!line.rest().isEmpty()) {
                throw error("unexpected text after a quoted key");
            }
            return s;
        }
        if (k.startsWith("'") || k.startsWith("?") || k.startsWith("[") || k.startsWith("{")) {
            throw error("unsupported key syntax");
        }
        return k;
    }

    /** Where the ':' ending the key of {@code content} is, or -1 when the line is no "key: value". */
    private static int keyEnd(String content) {
        if (content.startsWith("[") || content.startsWith("{") || content.startsWith("'")) {
            return -1;
        }
        int from = 0;
        if (content.startsWith("\"")) {
            from = content.indexOf('"', 1);
            while (from > 0 && content.charAt(from - 1) == '\\') {
                from = content.indexOf('"', from + 1);
            }
            if (from < 0) {
                return -1;
            }
        }
        for (int i = content.indexOf(':', from); i >= 0; i = content.indexOf(':', i + 1)) {
            if (i + 1 == content.length() || content.charAt(i + 1) == ' ') {
                return content.lastIndexOf(" #", i) >= 0 && from == 0 ? -1 : i;
            }
        }
        return -1;
    }

    private static boolean isItem(String line, int indent) {
        return line.startsWith("-", indent) && (line.length() == indent + 1 || line.charAt(indent + 1) == ' ');
    }

    /** Moves to the next line with content; false at the end. */
    private boolean skipBlank() {
        while (pos < lines.size() && blank(lines.get(pos))) {
            pos++;
        }
        return pos < lines.size();
    }

    private static boolean blank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return c == '#';
            }
        }
        return true;
    }

    private static boolean comment(String rest) {
        String s = rest.strip();
        return s.isEmpty() || s.startsWith("#") && (rest.startsWith(" ") || rest.startsWith("\t"));
    }

    private int indentOf(int line) {
        String s = lines.get(line);
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '\t') {
            throw error("a tab in the indentation");
        }
        return i;
    }

    /** Runs a one-line reader, naming this line in its errors. */
    private <T> T flow(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (YamlLine.Error e) {
            throw error(e.getMessage());
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(name + ": line " + (pos + 1) + ": " + message);
    }
}
