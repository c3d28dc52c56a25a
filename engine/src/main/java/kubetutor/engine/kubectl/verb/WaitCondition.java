package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.jsonpath.GoValues;
import kubetutor.engine.kubectl.jsonpath.JsonPath;
import kubetutor.engine.kubectl.jsonpath.JsonPathException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kubectl wait's --for asks (wait.go conditionFuncFor, condition.go, json.go): a status
 * condition of a type with a status (compared case-insensitively, and only once the status is of the
 * current generation), a JSONPath value (or any value at all), deletion or creation.
 *
 * @param name  the condition type, or the JSONPath template
 * @param value the status or value wanted; empty for a JSONPath that may have any value
 */
record WaitCondition(Kind kind, String name, String value, JsonPath path) {
    enum Kind { CONDITION, JSONPATH, DELETE, CREATE }

    /** A condition kubectl cannot check on this object; the wait ends with it. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    /** RelaxedJSONPathExpression: "a.b", ".a.b", "{a.b}" and "{.a.b}" all mean "{.a.b}". */
    private static final Pattern RELAXED = Pattern.compile("^\\{\\.?([^{}]+)}$|^\\.?([^{}]+)$", Pattern.DOTALL);

    static WaitCondition parse(String flag) {
        String lower = flag.toLowerCase(Locale.ROOT);
        if (lower.equals("delete")) {
            return new WaitCondition(Kind.DELETE, "", "", null);
        }
        if (lower.equals("create")) {
            return new WaitCondition(Kind.CREATE, "", "", null);
        }
        if (flag.startsWith("condition=")) {
            String rest = flag.substring("condition=".length());
            int eq = rest.indexOf('=');
            return eq < 0 ? new WaitCondition(Kind.CONDITION, rest, "true", null)
                    : new WaitCondition(Kind.CONDITION, rest.substring(0, eq), rest.substring(eq + 1), null);
        }
        if (flag.startsWith("jsonpath=")) {
            return jsonPath(flag.substring("jsonpath=".length()));
        }
        throw new UsageException("error: unrecognized condition: " + GoValues.goQuote(flag));
    }

    private static WaitCondition jsonPath(String input) {
        List<String> parts = split(input);
        if (parts.size() > 2) {
            throw new UsageException("error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or"
                    + " --for=jsonpath='{.status.readyReplicas}'");
        }
        String expression = parts.get(0);
        String template = "";
        if (!expression.isEmpty()) {
            Matcher m = RELAXED.matcher(expression);
            if (!m.matches()) {
                throw new UsageException("error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or"
                        + " '{name1.name2}' or '{.name1.name2}'");
            }
            template = "{." + (m.group(1) != null ? m.group(1) : m.group(2)) + "}";
        }
        String value = "";
        if (parts.size() == 2) {
            value = parts.get(1).replaceAll("^['\"]+|['\"]+$", "");
            if (value.isEmpty()) {
                throw new UsageException("error: jsonpath wait has to have a value after equal sign, like"
                        + " --for=jsonpath='{.status.readyReplicas}'=3");
            }
        }
        if (template.isEmpty()) {
            throw new UsageException("error: jsonpath expression cannot be empty");
        }
        try {
            return new WaitCondition(Kind.JSONPATH, template, value, JsonPath.parse(template));
        } catch (JsonPathException e) {
            throw new UsageException("error: " + e.getMessage());
        }
    }

    /** splitJSONPathInput: split at each single '=', a doubled one being part of the text. */
    private static List<String> split(String input) {
        List<String> out = new ArrayList<>();
        StringBuilder element = new StringBuilder();
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '=') {
                if (i < input.length() - 1 && input.charAt(i + 1) == '=') {
                    element.append("==");
                    i++;
                    continue;
                }
                out.add(element.toString());
                element.setLength(0);
                continue;
            }
            element.append(c);
        }
        out.add(element.toString());
        return out;
    }

    /** Whether the object as it is now meets the condition (conditions and JSONPath only). */
    boolean isMet(JsonNode obj) {
        return kind == Kind.CONDITION ? conditionMet(obj) : jsonPathMet(obj);
    }

    private boolean conditionMet(JsonNode obj) {
        for (JsonNode c : obj.path("status").path("conditions")) {
            if (!c.path("type").isTextual() || !c.get("type").asText().equalsIgnoreCase(name)) {
                continue;
            }
            if (!c.path("status").isTextual()) {
                continue;
            }
            JsonNode generation = obj.path("metadata").path("generation");
            if (generation.isNumber()) {
                JsonNode observed = c.has("observedGeneration") ? c.get("observedGeneration")
                        : obj.path("status").path("observedGeneration");
                if (observed.isNumber() && observed.asLong() < generation.asLong()) {
                    return false;
                }
            }
            return c.get("status").asText().equalsIgnoreCase(value);
        }
        return false;
    }

    private boolean jsonPathMet(JsonNode obj) {
        List<List<JsonNode>> results;
        try {
            results = path.find(obj, true);
        } catch (JsonPathException e) {
            throw new Failed(e.getMessage());
        }
        if (results.isEmpty() || results.get(0).isEmpty()) {
            return false;
        }
        if (results.size() > 1) {
            throw new Failed("given jsonpath expression matches more than one list");
        }
        if (results.get(0).size() > 1) {
            throw new Failed("given jsonpath expression matches more than one value");
        }
        if (value.isEmpty()) {
            return true;
        }
        JsonNode found = results.get(0).get(0);
        if (found.isContainerNode()) {
            throw new Failed("jsonpath leads to a nested object or list which is not supported");
        }
        return GoValues.sprint(found).strip().equals(value.strip());
    }
}
