package kubetutor.engine.kubectl.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Applies the steps of one action to a list of values, with client-go's rules and error texts. */
final class Evaluator {
    private final boolean allowMissingKeys;

    Evaluator(boolean allowMissingKeys) {
        this.allowMissingKeys = allowMissingKeys;
    }

    List<JsonNode> steps(List<JsonNode> input, List<Node> steps) throws JsonPathException {
        List<JsonNode> current = input;
        for (Node step : steps) {
            current = step(current, step);
        }
        return current;
    }

    private List<JsonNode> step(List<JsonNode> input, Node step) throws JsonPathException {
        if (step instanceof Node.Text t) {
            return List.of(TextNode.valueOf(t.text()));
        } else if (step instanceof Node.Field f) {
            return field(input, f.name());
        } else if (step instanceof Node.Slice s) {
            return slice(input, s);
        } else if (step instanceof Node.Filter f) {
            return filter(input, f);
        } else if (step instanceof Node.Wildcard) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode v : input) {
                out.addAll(children(v));
            }
            return out;
        } else if (step instanceof Node.Recursive) {
            return recursive(input);
        } else if (step instanceof Node.Union u) {
            List<JsonNode> out = new ArrayList<>();
            for (List<Node> alternative : u.alternatives()) {
                out.addAll(steps(input, alternative));
            }
            return out;
        } else if (step instanceof Node.IntLiteral i) {
            return Collections.nCopies(input.size(), LongNode.valueOf(i.value()));
        } else if (step instanceof Node.FloatLiteral f) {
            return Collections.nCopies(input.size(), DoubleNode.valueOf(f.value()));
        } else if (step instanceof Node.BoolLiteral b) {
            return Collections.nCopies(input.size(), BooleanNode.valueOf(b.value()));
        }
        Node.Identifier id = (Node.Identifier) step;
        throw new JsonPathException("unrecognized identifier " + id.name());
    }

    private List<JsonNode> field(List<JsonNode> input, String name) throws JsonPathException {
        List<JsonNode> out = new ArrayList<>();
        if (input.isEmpty()) {
            return out;
        }
        for (JsonNode v : input) {
            if (v.isObject() && v.has(name)) {
                out.add(v.get(name));
            }
        }
        if (out.isEmpty() && !allowMissingKeys) {
            throw new JsonPathException(name + " is not found");
        }
        return out;
    }

    private List<JsonNode> slice(List<JsonNode> input, Node.Slice s) throws JsonPathException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode v : input) {
            if (v.isNull()) {
                continue;
            }
            if (!v.isArray()) {
                throw new JsonPathException(GoValues.typeName(v) + " is not array or slice");
            }
            int length = v.size();
            int start = s.start().known() ? s.start().value() : 0;
            if (start < 0) {
                start += length;
            }
            int end = s.end().known() ? s.end().value() : length;
            // [-1] is kept as [-1:0] with a derived end, which wraps to the length.
            if (end < 0 || end == 0 && s.end().derived()) {
                end += length;
            }
            if (start == end) {
                // client-go stops here, returning what earlier values gave.
                return out;
            }
            if (start >= length || start < 0) {
                throw new JsonPathException("array index out of bounds: index " + start + ", length " + length);
            }
            if (end > length || end < 0) {
                throw new JsonPathException("array index out of bounds: index " + (end - 1) + ", length " + length);
            }
            if (start > end) {
                throw new JsonPathException("starting index " + start + " is greater than ending index " + end);
            }
            int step = 1;
            if (s.step().known()) {
                if (s.step().value() <= 0) {
                    throw new JsonPathException("step must be > 0");
                }
                step = s.step().value();
            }
            for (int i = start; i < end; i += step) {
                out.add(v.get(i));
            }
        }
        return out;
    }

    private List<JsonNode> filter(List<JsonNode> input, Node.Filter f) throws JsonPathException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode v : input) {
            if (!v.isArray()) {
                throw new JsonPathException(GoValues.sprint(v) + " is not array or slice and cannot be filtered");
            }
            for (JsonNode element : v) {
                if (f.operator().equals("exists")) {
                    if (!existing(element, f.left()).isEmpty()) {
                        out.add(element);
                    }
                    continue;
                }
                List<JsonNode> lefts = steps(List.of(element), f.left());
                if (lefts.isEmpty()) {
                    // An element without the compared field is simply not selected.
                    continue;
                }
                if (lefts.size() > 1) {
                    throw new JsonPathException("can only compare one element at a time");
                }
                List<JsonNode> rights = steps(List.of(element), f.right());
                if (rights.isEmpty()) {
                    continue;
                }
                if (rights.size() > 1) {
                    throw new JsonPathException("can only compare one element at a time");
                }
                if (Comparison.holds(f.operator(), lefts.get(0), rights.get(0))) {
                    out.add(element);
                }
            }
        }
        return out;
    }

    /** An existence test ignores errors: a missing key just means "no". */
    private List<JsonNode> existing(JsonNode element, List<Node> path) {
        try {
            return steps(List.of(element), path);
        } catch (JsonPathException e) {
            return List.of();
        }
    }

    /**
     * What {@code ..} visits: each value that has children, then (depth first) its children's.
     * Strings count, since Go indexes their bytes; map keys go in sorted order where Go's is random.
     */
    private List<JsonNode> recursive(List<JsonNode> input) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode v : input) {
            List<JsonNode> children = children(v);
            if (!children.isEmpty()) {
                out.add(v);
                out.addAll(recursive(children));
            }
        }
        return out;
    }

    private static List<JsonNode> children(JsonNode v) {
        List<JsonNode> out = new ArrayList<>();
        if (v.isObject()) {
            List<String> keys = new ArrayList<>();
            v.fieldNames().forEachRemaining(keys::add);
            Collections.sort(keys);
            for (String k : keys) {
                out.add(v.get(k));
            }
        } else if (v.isArray()) {
            v.forEach(out::add);
        } else if (v.isTextual()) {
            for (byte b : v.asText().getBytes(StandardCharsets.UTF_8)) {
                out.add(IntNode.valueOf(b & 0xff));
            }
        }
        return out;
    }
}
