package kubetutor.engine.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a lesson file ({@code lessons/ID/lesson.yaml}). Strict, because a lesson is data that no
 * compiler checks: an unknown key, a missing English text or a check that could change the
 * cluster is an error naming where it is, not a lesson that silently teaches less.
 */
public final class LessonReader {
    private static final Set<String> LESSON_KEYS = Set.of("title", "summary", "files", "setup", "steps");
    private static final Set<String> STEP_KEYS = Set.of("title", "text", "hint", "solution", "check");
    private static final Set<String> CHECK_KEYS = Set.of("run", "expect", "matches", "fail");

    private LessonReader() {}

    /** @param files the contents of the files the lesson hands out, by name */
    public static Lesson read(String id, String yaml, Function<String, String> files) throws LessonException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new LessonException(id + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new LessonException(id + ": a lesson file is a mapping");
        }
        keys(root, LESSON_KEYS, id);
        List<Lesson.HandedFile> handed = new ArrayList<>();
        for (JsonNode f : list(root, "files", id)) {
            String name = f.asText();
            String content = files.apply(name);
            if (content == null) {
                throw new LessonException(id + ": files: no file " + name + " beside the lesson");
            }
            handed.add(new Lesson.HandedFile(name, content));
        }
        List<String> setup = strings(root, "setup", id);
        List<Step> steps = new ArrayList<>();
        JsonNode stepNodes = root.path("steps");
        if (!stepNodes.isArray() || stepNodes.isEmpty()) {
            throw new LessonException(id + ": steps: a lesson needs at least one step");
        }
        for (int i = 0; i < stepNodes.size(); i++) {
            steps.add(step(stepNodes.get(i), id + ": steps[" + i + "]"));
        }
        return new Lesson(id, localized(root, "title", id, true), localized(root, "summary", id, true), handed, setup, steps);
    }

    private static Step step(JsonNode s, String where) throws LessonException {
        keys(s, STEP_KEYS, where);
        List<Check> checks = new ArrayList<>();
        JsonNode checkNodes = s.path("check");
        for (int i = 0; i < checkNodes.size(); i++) {
            checks.add(check(checkNodes.get(i), where + ".check[" + i + "]"));
        }
        List<String> solution = strings(s, "solution", where);
        if (!checks.isEmpty() && solution.isEmpty()) {
            throw new LessonException(where + ": a step with a check needs a solution");
        }
        List<Localized> hints = new ArrayList<>();
        if (s.path("hint").isArray()) {
            for (int i = 0; i < s.get("hint").size(); i++) {
                hints.add(localized(s.get("hint"), i, where + ".hint[" + i + "]"));
            }
        } else if (s.has("hint")) {
            hints.add(localized(s, "hint", where, true));
        }
        return new Step(localized(s, "title", where, true), localized(s, "text", where, true), hints, solution, checks);
    }

    private static Check check(JsonNode c, String where) throws LessonException {
        keys(c, CHECK_KEYS, where);
        String run = c.path("run").asText("");
        // A check only looks: it runs after every command, and must never be what changes the cluster.
        if (!run.startsWith("kubectl get ")) {
            throw new LessonException(where + ": run: a check runs 'kubectl get ...', not '" + run + "'");
        }
        if (c.has("expect") == c.has("matches")) {
            throw new LessonException(where + ": a check has either expect or matches");
        }
        Pattern matches = null;
        if (c.has("matches")) {
            try {
                matches = Pattern.compile(c.get("matches").asText(), Pattern.DOTALL);
            } catch (PatternSyntaxException e) {
                throw new LessonException(where + ": matches: " + e.getDescription());
            }
        }
        return new Check(run, c.has("expect") ? c.get("expect").asText().strip() : null, matches,
                localized(c, "fail", where, true));
    }

    private static Localized localized(JsonNode parent, String key, String where, boolean required) throws LessonException {
        JsonNode n = parent.path(key);
        if (n.isMissingNode()) {
            if (required) {
                throw new LessonException(where + ": " + key + " is missing");
            }
            return null;
        }
        if (!n.isObject()) {
            throw new LessonException(where + ": " + key + ": give the text per language (en: ..., ko: ...)");
        }
        Map<Language, String> texts = new EnumMap<>(Language.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Language language = Language.of(e.getKey()).orElseThrow(
                    () -> new LessonException(where + ": " + key + ": unknown language " + e.getKey()));
            texts.put(language, e.getValue().asText().stripTrailing());
        }
        if (!texts.containsKey(Language.EN)) {
            throw new LessonException(where + ": " + key + ": the English text (en) is missing");
        }
        return new Localized(texts);
    }

    /** An entry of a list of texts ({@code hint: [{en: ..., ko: ...}, ...]}). */
    private static Localized localized(JsonNode list, int index, String where) throws LessonException {
        com.fasterxml.jackson.databind.node.ObjectNode holder = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        holder.set("entry", list.get(index));
        return localized(holder, "entry", where, true);
    }

    private static List<String> strings(JsonNode parent, String key, String where) throws LessonException {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list(parent, key, where)) {
            if (!n.isValueNode()) {
                throw new LessonException(where + ": " + key + ": each entry is one command line");
            }
            out.add(n.asText());
        }
        return out;
    }

    private static JsonNode list(JsonNode parent, String key, String where) throws LessonException {
        JsonNode n = parent.path(key);
        if (!n.isMissingNode() && !n.isArray()) {
            throw new LessonException(where + ": " + key + " is a list");
        }
        return n;
    }

    private static void keys(JsonNode n, Set<String> allowed, String where) throws LessonException {
        if (!n.isObject()) {
            throw new LessonException(where + ": expected a mapping");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new LessonException(where + ": unknown key " + k);
            }
        }
    }
}
