package kubetutor.engine.kubectl.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed kubectl JSONPath template ({@code -o jsonpath=...}, custom-columns cells). Executing it
 * yields one list of results per literal and per action; kubectl prints the results of one action
 * separated by spaces and the lists one after another.
 */
public final class JsonPath {
    private final List<Node.Item> items;

    private JsonPath(List<Node.Item> items) {
        this.items = items;
    }

    public static JsonPath parse(String template) throws JsonPathException {
        return new JsonPath(Parser.parse(template));
    }

    /** The results of every literal and action, {@code {range}} bodies repeated per item. */
    public List<List<JsonNode>> find(JsonNode data, boolean allowMissingKeys) throws JsonPathException {
        List<List<JsonNode>> out = new ArrayList<>();
        run(items, data, new Evaluator(allowMissingKeys), out);
        return out;
    }

    /** What {@code -o jsonpath=} prints for the object. */
    public String execute(JsonNode data, boolean allowMissingKeys) throws JsonPathException {
        StringBuilder sb = new StringBuilder();
        for (List<JsonNode> results : find(data, allowMissingKeys)) {
            for (int i = 0; i < results.size(); i++) {
                sb.append(i > 0 ? " " : "").append(GoValues.text(results.get(i)));
            }
        }
        return sb.toString();
    }

    /** What {@code -o jsonpath-as-json=} prints: each list of results as an indented JSON array. */
    public String executeAsJson(JsonNode data, boolean allowMissingKeys) throws JsonPathException {
        StringBuilder sb = new StringBuilder();
        for (List<JsonNode> results : find(data, allowMissingKeys)) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            results.forEach(array::add);
            sb.append(GoValues.jsonIndented(array)).append('\n');
        }
        return sb.toString();
    }

    private static void run(List<Node.Item> items, JsonNode data, Evaluator eval, List<List<JsonNode>> out)
            throws JsonPathException {
        for (int i = 0; i < items.size(); i++) {
            Node.Item item = items.get(i);
            if (item instanceof Node.Literal text) {
                out.add(List.of(TextNode.valueOf(text.text())));
                continue;
            }
            Node.Action action = (Node.Action) item;
            if (action.has("range")) {
                // The body runs up to the matching {end}, or to the end of the template when there is none.
                int end = matchingEnd(items, i);
                List<Node.Item> body = items.subList(i + 1, end);
                for (JsonNode value : eval.steps(List.of(data), withoutIdentifiers(action))) {
                    run(body, value, eval, out);
                }
                i = end;
            } else if (action.has("end")) {
                throw new JsonPathException("not in range, nothing to end");
            } else {
                out.add(eval.steps(List.of(data), action.steps()));
            }
        }
    }

    private static int matchingEnd(List<Node.Item> items, int rangeAt) {
        int depth = 0;
        for (int i = rangeAt + 1; i < items.size(); i++) {
            if (items.get(i) instanceof Node.Action a) {
                if (a.has("range")) {
                    depth++;
                } else if (a.has("end") && depth-- == 0) {
                    return i;
                }
            }
        }
        return items.size();
    }

    private static List<Node> withoutIdentifiers(Node.Action action) {
        return action.steps().stream()
                .filter(n -> !(n instanceof Node.Identifier i && i.name().equals("range"))).toList();
    }
}
