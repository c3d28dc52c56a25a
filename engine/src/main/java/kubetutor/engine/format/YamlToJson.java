package kubetutor.engine.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * apimachinery's yaml.ToJSON, for what compares or checks a whole text rather than reading it as
 * manifests (kubectl edit's comparison of the saved file with what it wrote, and its validation):
 * the first YAML document (JSON is YAML) as a JSON tree with keys in Go's map order; null for a
 * text with nothing in it.
 */
public final class YamlToJson {
    private YamlToJson() {
    }

    /** The conversion's error in kubectl's words: "error converting YAML to JSON: yaml: line 3: ...". */
    public static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    public static JsonNode convert(String text) throws Failure {
        try {
            JsonNode tree = GoYamlTrees.parse(text);
            return tree == null ? NullNode.instance : tree;
        } catch (GoYamlTrees.YamlError e) {
            throw new Failure("error converting YAML to JSON: " + e.getMessage());
        }
    }
}
