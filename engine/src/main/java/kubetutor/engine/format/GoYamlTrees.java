package kubetutor.engine.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * One YAML document to a JSON tree as sigs.k8s.io/yaml's YAMLToJSON makes it: SnakeYAML does the
 * syntax, {@link GoYamlDecoder} decodes as go-yaml v2 does (its rules type the plain scalars), and
 * map keys come out sorted as Go's encoding/json sorts them (YAMLToJSON goes through a Go map).
 */
final class GoYamlTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A syntax error in go-yaml's words, e.g. "yaml: line 3: did not find expected key". */
    static final class YamlError extends Exception {
        YamlError(String message) {
            super(message);
        }
    }

    private GoYamlTrees() {
    }

    /** The document's tree, or null when it holds nothing (only comments or blanks). */
    static JsonNode parse(String document) throws YamlError {
        if (hasControlCharacter(document)) {
            throw new YamlError("yaml: control characters are not allowed");
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE); // the size of a request is the API server's to judge
        try {
            // go-yaml's Unmarshal reads the first document of the text; the rest is ignored.
            return GoYamlDecoder.decode(new ParserImpl(new WholeTextReader(document), options));
        } catch (MarkedYAMLException e) {
            throw new YamlError(GoYamlErrors.translate(e, document));
        } catch (YAMLException e) {
            throw new YamlError("yaml: " + e.getMessage());
        }
    }

    /**
     * Whether the text has a character YAML does not allow (go-yaml's reader and SnakeYAML's agree
     * on which). go-yaml finds one as its buffer reaches it; kubetutor looks at the whole text first.
     */
    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7F && c < 0xA0 && c != 0x85 || c == 0xFFFE || c == 0xFFFF) {
                return true;
            }
        }
        return false;
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
