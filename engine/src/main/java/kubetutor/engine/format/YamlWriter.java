package kubetutor.engine.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Prints a tree as {@code kubectl -o yaml} does: kubectl marshals the object to JSON and
 * sigs.k8s.io/yaml re-emits it with go-yaml v2, so keys come out in go-yaml's sort order, sequences
 * under a key are not indented, and strings are quoted only where go-yaml's emitter would quote them.
 */
public final class YamlWriter {
    /** go-yaml's best_indent. Continuation lines and block scalars sit this far right of their key or dash. */
    static final int INDENT = 2;

    private final StringBuilder out = new StringBuilder();
    private int column;

    private YamlWriter() {
    }

    public static String write(JsonNode node) {
        YamlWriter w = new YamlWriter();
        if (node.isObject() && node.size() > 0) {
            w.mapping(node, 0);
        } else if (node.isArray() && node.size() > 0) {
            w.sequence(node, 0);
        } else {
            w.inline(node, 0);
            w.newline();
        }
        return w.out.toString();
    }

    /** The keys of a mapping as go-yaml v2 orders them (see {@link GoYamlKeyOrder}). */
    static List<String> sortedKeys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        Iterator<String> names = object.fieldNames();
        names.forEachRemaining(keys::add);
        keys.sort(GoYamlKeyOrder.INSTANCE);
        return keys;
    }

    /** A non-empty mapping whose keys start at {@code indent}; the first key may already be on a "- " line. */
    private void mapping(JsonNode object, int indent) {
        for (String key : sortedKeys(object)) {
            pad(indent);
            ScalarEmitter.key(this, key);
            emit(":");
            block(object.get(key), indent, true);
        }
    }

    private void sequence(JsonNode array, int indent) {
        for (JsonNode item : array) {
            pad(indent);
            emit("-");
            block(item, indent, false);
        }
    }

    /** The value after "key:" or "-", where {@code indent} is the column of that key or dash. */
    private void block(JsonNode value, int indent, boolean inMapping) {
        if (value.isObject() && value.size() > 0) {
            if (inMapping) {
                newline();
            } else {
                emit(" ");
            }
            mapping(value, indent + INDENT);
        } else if (value.isArray() && value.size() > 0) {
            if (inMapping) {
                newline();
                // go-yaml writes a sequence in a mapping "indentless": dashes at the key's column.
                sequence(value, indent);
            } else {
                emit(" ");
                sequence(value, indent + INDENT);
            }
        } else {
            inline(value, indent + INDENT);
            // A literal block that keeps its final line break has already ended the line.
            if (column > 0) {
                newline();
            }
        }
    }

    /** A scalar or empty collection after its indicator; {@code indent} is where continuation lines go. */
    private void inline(JsonNode value, int indent) {
        if (value.isObject()) {
            emitAfterSpace("{}");
        } else if (value.isArray()) {
            emitAfterSpace("[]");
        } else if (value.isTextual()) {
            ScalarEmitter.value(this, value.textValue(), indent);
        } else if (value.isNull() || value.isMissingNode()) {
            emitAfterSpace("null");
        } else if (value.isBoolean()) {
            emitAfterSpace(value.booleanValue() ? "true" : "false");
        } else if (value.isIntegralNumber()) {
            emitAfterSpace(value.bigIntegerValue().toString());
        } else if (value.isNumber()) {
            emitAfterSpace(GoFloats.yaml(value.doubleValue()));
        } else {
            ScalarEmitter.value(this, value.asText(), indent);
        }
    }

    // Low-level output, tracking the column as go-yaml's emitter does (in characters).

    /** The pending separator: go-yaml writes one space before a value unless at the start of a line. */
    void emitAfterSpace(String s) {
        if (!atWhitespace()) {
            emit(" ");
        }
        emit(s);
    }

    void emit(String s) {
        out.append(s);
        column += s.codePointCount(0, s.length());
    }

    void emitCodePoint(int cp) {
        out.appendCodePoint(cp);
        column++;
    }

    /** A Unicode line or paragraph separator: written as is, but the column starts over. */
    void emitLineSeparator(int cp) {
        out.appendCodePoint(cp);
        column = 0;
    }

    void newline() {
        out.append('\n');
        column = 0;
    }

    /** A line break followed by the indentation, as go-yaml's write_indent does when folding. */
    void breakAndIndent(int indent) {
        newline();
        pad(indent);
    }

    /** Pads a fresh line to {@code indent}. */
    void indentTo(int indent) {
        pad(indent);
    }

    /** go-yaml's "whitespace" flag: at a line start or right after a space, no separator is needed. */
    boolean atWhitespace() {
        int n = out.length();
        return n == 0 || out.charAt(n - 1) == ' ' || out.charAt(n - 1) == '\n';
    }

    int column() {
        return column;
    }

    private void pad(int indent) {
        while (column < indent) {
            out.append(' ');
            column++;
        }
    }
}
