package kubetutor.engine.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One YAML document to a JSON tree as sigs.k8s.io/yaml's YAMLToJSON makes it: SnakeYAML does the
 * syntax, go-yaml v2's rules type the plain scalars, and map keys come out sorted as Go's
 * encoding/json sorts them (YAMLToJSON goes through a Go map).
 */
final class GoYamlTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A syntax error in go-yaml's words, e.g. "yaml: line 3: did not find expected key". */
    static final class YamlError extends Exception {
        YamlError(String message) {
            super(message);
        }
    }

    /** A resolver with no implicit types: plain scalars stay untyped so that go-yaml's rules apply. */
    private static final class NoImplicitTypes extends Resolver {
        @Override
        protected void addImplicitResolvers() {
        }
    }

    private GoYamlTrees() {
    }

    /** The document's tree, or null when it holds nothing (only comments or blanks). */
    static JsonNode parse(String document) throws YamlError {
        LoaderOptions options = new LoaderOptions();
        Node root;
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(document)), options),
                    new NoImplicitTypes(), options);
            // go-yaml's Unmarshal reads the first document of the text; the rest is ignored.
            root = composer.checkNode() ? composer.getNode() : null;
        } catch (MarkedYAMLException e) {
            throw new YamlError(GoYamlErrors.translate(e, document));
        } catch (YAMLException e) {
            throw new YamlError("yaml: " + e.getMessage());
        }
        return root == null ? null : toJson(root);
    }

    private static JsonNode toJson(Node node) {
        if (node instanceof MappingNode mapping) {
            Map<String, JsonNode> sorted = new TreeMap<>(GoYamlTrees::compareUtf8);
            for (NodeTuple tuple : mapping.getValue()) {
                // Duplicate keys: the last one wins, as in go-yaml v2.
                sorted.put(keyText(tuple.getKeyNode()), toJson(tuple.getValueNode()));
            }
            ObjectNode object = NODES.objectNode();
            sorted.forEach(object::set);
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = NODES.arrayNode();
            for (Node item : sequence.getValue()) {
                array.add(toJson(item));
            }
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        // Quoted and block scalars are strings. Explicit tags are not honoured: "!!str 80" reads as 80.
        return scalar.isPlain() ? GoYamlScalars.resolvePlain(scalar.getValue()) : NODES.textNode(scalar.getValue());
    }

    /** sigs.k8s.io/yaml turns non-string keys into their text ("1", "true"). */
    private static String keyText(Node key) {
        JsonNode k = toJson(key);
        if (k.isTextual()) {
            return k.textValue();
        }
        if (k.isNull()) {
            return "null";
        }
        if (k.isValueNode()) {
            return k.isFloatingPointNumber() ? GoFloats.json(k.doubleValue()) : k.asText();
        }
        return JsonWriter.compact(k);
    }

    /** Go compares strings byte by byte in UTF-8, which is code point order. */
    static int compareUtf8(String a, String b) {
        Iterator<Integer> x = a.codePoints().iterator();
        Iterator<Integer> y = b.codePoints().iterator();
        while (x.hasNext() && y.hasNext()) {
            int c = Integer.compare(x.next(), y.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(x.hasNext(), y.hasNext());
    }

    /** A JSON tree with every object's keys in Go's map order (what kubectl does to a JSON manifest). */
    static JsonNode sortKeys(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>(GoYamlTrees::compareUtf8);
            node.fields().forEachRemaining(e -> sorted.put(e.getKey(), sortKeys(e.getValue())));
            ObjectNode object = NODES.objectNode();
            sorted.forEach(object::set);
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(item -> array.add(sortKeys(item)));
            return array;
        }
        return node;
    }
}
