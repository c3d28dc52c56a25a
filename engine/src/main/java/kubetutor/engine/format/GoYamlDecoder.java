package kubetutor.engine.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * One YAML document, from SnakeYAML's parser events to a JSON tree, as go-yaml v2 decodes it into an
 * interface{} and sigs.k8s.io/yaml turns that into JSON. It is go-yaml's decoder, not SnakeYAML's
 * composer, that sets the limits: an alias may not refer to the value it is in, aliases may not
 * expand a document past go-yaml's ratio (a "billion laughs" is refused after a few thousand nodes),
 * a key may not be a map or a list, and "<<" merges maps. It works with an explicit stack, so
 * nesting costs no Java stack; it stops at {@link #MAX_DEPTH}.
 */
final class GoYamlDecoder {
    /**
     * go-yaml refuses nesting past 10000; kubetutor stops at 1000, where the rest of the engine
     * (which walks trees recursively) is still far from the end of a 512 KB thread stack.
     */
    static final int MAX_DEPTH = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Parser parser;
    /**
     * What each anchor names: a node still {@link Open}, or one {@link Decoded} with what decoding it
     * costs (go-yaml decodes it again at each alias). Like go-yaml's parser, an anchor names its node
     * from the node's start, and a later node with the same anchor takes the name over.
     */
    private final Map<String, Object> anchors = new HashMap<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private long decodeCount;
    private long aliasCount;

    private record Decoded(JsonNode json, long cost, boolean plainMergeKey) {}

    /** A mapping or sequence whose end has not come yet. */
    private static final class Open {
        final boolean mapping;
        final String anchor;
        final List<Decoded> items = new ArrayList<>();
        long cost = 1;

        Open(boolean mapping, String anchor) {
            this.mapping = mapping;
            this.anchor = anchor;
        }
    }

    /** An error go-yaml's decoder finds after the parse: reported only if the rest of the document parses. */
    private static final class DecodeError extends Exception {
        DecodeError(String message) {
            super(message, null, false, false);
        }
    }

    private GoYamlDecoder(Parser parser) {
        this.parser = parser;
    }

    /** The first document's tree (null when the stream holds none); the rest of the text is not read. */
    static JsonNode decode(Parser parser) throws GoYamlTrees.YamlError {
        return new GoYamlDecoder(parser).document();
    }

    private JsonNode document() throws GoYamlTrees.YamlError {
        parser.getEvent(); // stream start
        if (parser.checkEvent(Event.ID.StreamEnd)) {
            return null;
        }
        parser.getEvent(); // document start
        JsonNode root;
        try {
            root = next().json();
        } catch (DecodeError e) {
            skipRestOfDocument();
            throw new GoYamlTrees.YamlError("yaml: " + e.getMessage());
        }
        parser.getEvent(); // the document's end: what follows the root up to it must parse too
        return root;
    }

    /** Reads events until one whole node is decoded. */
    private Decoded next() throws GoYamlTrees.YamlError, DecodeError {
        while (true) {
            Event e = parser.getEvent();
            Decoded done = switch (e.getEventId()) {
                case Scalar -> scalar((ScalarEvent) e);
                case Alias -> alias((AliasEvent) e);
                case MappingStart, SequenceStart -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw new GoYamlTrees.YamlError("yaml: line " + (e.getStartMark().getLine() + 1)
                                + ": exceeded max depth of " + MAX_DEPTH);
                    }
                    Open o = new Open(e.is(Event.ID.MappingStart), ((NodeEvent) e).getAnchor());
                    if (o.anchor != null) {
                        anchors.put(o.anchor, o);
                    }
                    open.push(o);
                    yield null;
                }
                case MappingEnd, SequenceEnd -> close(open.pop());
                default -> null;
            };
            if (done == null) {
                continue;
            }
            if (open.isEmpty()) {
                return done;
            }
            open.peek().items.add(done);
            open.peek().cost += done.cost();
        }
    }

    private Decoded scalar(ScalarEvent e) throws DecodeError {
        // Quoted and block scalars are strings. Explicit tags are not honoured: "!!str 80" reads as 80.
        JsonNode json = e.isPlain() ? GoYamlScalars.resolvePlain(e.getValue()) : NODES.textNode(e.getValue());
        return anchored(e.getAnchor(), new Decoded(json, count(1, 0), e.isPlain() && e.getValue().equals("<<")));
    }

    private Decoded alias(AliasEvent e) throws GoYamlTrees.YamlError, DecodeError {
        Object target = anchors.get(e.getAnchor());
        if (target == null) {
            throw unknownAnchor(e); // go-yaml's parser finds this, before any decoding
        }
        if (target instanceof Open) {
            throw new DecodeError("anchor '" + e.getAnchor() + "' value contains itself");
        }
        Decoded d = (Decoded) target;
        // go-yaml decodes the alias node, then everything under its anchor again, counted as aliasing.
        count(1 + d.cost(), d.cost());
        return new Decoded(d.json().deepCopy(), 1 + d.cost(), false);
    }

    private static GoYamlTrees.YamlError unknownAnchor(AliasEvent e) {
        return new GoYamlTrees.YamlError("yaml: unknown anchor '" + e.getAnchor() + "' referenced");
    }

    private Decoded close(Open o) throws DecodeError {
        JsonNode json = o.mapping ? mapping(o.items) : sequence(o.items);
        count(1, 0);
        Decoded d = new Decoded(json, o.cost, false);
        if (o.anchor != null && anchors.get(o.anchor) == o) {
            anchors.put(o.anchor, d);
        }
        return d;
    }

    private Decoded anchored(String anchor, Decoded d) {
        if (anchor != null) {
            anchors.put(anchor, d);
        }
        return d;
    }

    private static ArrayNode sequence(List<Decoded> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(i -> array.add(i.json()));
        return array;
    }

    /** Keys in order, later ones winning, "<<" merging as go-yaml v2 does; the JSON keys sorted as Go's encoding/json sorts them. */
    private static ObjectNode mapping(List<Decoded> items) throws DecodeError {
        Map<String, JsonNode> sorted = new TreeMap<>(GoYamlTrees::compareUtf8);
        for (int i = 0; i + 1 < items.size(); i += 2) {
            if (items.get(i).plainMergeKey()) {
                merge(items.get(i + 1).json(), sorted);
            } else {
                sorted.put(keyText(items.get(i).json()), items.get(i + 1).json());
            }
        }
        ObjectNode object = NODES.objectNode();
        sorted.forEach(object::set);
        return object;
    }

    /** A map's pairs overwrite what is there (go-yaml v2); of a list of maps, the earlier ones win. */
    private static void merge(JsonNode value, Map<String, JsonNode> into) throws DecodeError {
        List<JsonNode> maps = value.isArray() ? new ArrayList<>() : List.of(value);
        if (value.isArray()) {
            value.forEach(m -> maps.add(0, m));
        }
        for (JsonNode m : maps) {
            if (!m.isObject()) {
                throw new DecodeError("map merge requires map or sequence of maps as the value");
            }
            m.fields().forEachRemaining(f -> into.put(f.getKey(), f.getValue()));
        }
    }

    /** sigs.k8s.io/yaml turns a scalar key into its text ("1", "true", "null"); go-yaml refuses a map or list. */
    private static String keyText(JsonNode key) throws DecodeError {
        if (key.isContainerNode()) {
            throw new DecodeError("invalid map key: " + GoSyntax.of(key));
        }
        if (key.isTextual()) {
            return key.textValue();
        }
        if (key.isNull()) {
            return "null";
        }
        return key.isFloatingPointNumber() ? GoFloats.json(key.doubleValue()) : key.asText();
    }

    /**
     * go-yaml's guard against alias expansion: past 100 aliased nodes and 1000 in all, the share
     * that came from aliases may be at most 99% of a small document, falling to 10% of a large one.
     * Returns {@code nodes}.
     */
    private long count(long nodes, long aliased) throws DecodeError {
        decodeCount += nodes;
        aliasCount += aliased;
        if (aliasCount > 100 && decodeCount > 1000 && (double) aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
            throw new DecodeError("document contains excessive aliasing");
        }
        return nodes;
    }

    private static double allowedAliasRatio(long decodeCount) {
        final long low = 400_000;
        final long high = 4_000_000;
        if (decodeCount <= low) {
            return 0.99;
        }
        if (decodeCount >= high) {
            return 0.10;
        }
        return 0.99 - 0.89 * ((double) (decodeCount - low) / (high - low));
    }

    /**
     * go-yaml parses the whole document before it decodes: a syntax error or an unknown anchor later
     * on is what it reports instead.
     */
    private void skipRestOfDocument() throws GoYamlTrees.YamlError {
        int depth = open.size();
        while (depth > 0) {
            Event e = parser.getEvent();
            if (e instanceof NodeEvent n && n.getAnchor() != null && !(e instanceof AliasEvent)) {
                anchors.put(n.getAnchor(), Boolean.TRUE);
            }
            if (e instanceof AliasEvent a && !anchors.containsKey(a.getAnchor())) {
                throw unknownAnchor(a);
            }
            if (e.is(Event.ID.MappingStart) || e.is(Event.ID.SequenceStart)) {
                depth++;
            } else if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
                depth--;
            }
        }
        parser.getEvent();
    }
}
