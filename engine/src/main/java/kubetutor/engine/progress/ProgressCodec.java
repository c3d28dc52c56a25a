package kubetutor.engine.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * progress.json, read and written. Steps are counted from 1 in the file, as the learner counts
 * them, so that a person reading it sees what the prompt showed:
 * <pre>{"version": 1, "lessons": {"pods": {"done": [1, 2], "step": 3}}}</pre>
 */
public final class ProgressCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    private ProgressCodec() {}

    public static String write(Progress progress) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ObjectNode lessons = root.putObject("lessons");
        progress.lessons().forEach((id, record) -> {
            ObjectNode l = lessons.putObject(id);
            ArrayNode done = l.putArray("done");
            record.done().forEach(step -> done.add(step + 1));
            l.put("step", record.current() + 1);
        });
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Progress read(String text) throws ProgressException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProgressException("it is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject() || root.path("version").asInt(-1) != VERSION || !root.path("lessons").isObject()) {
            throw new ProgressException("it is not a version " + VERSION + " progress file");
        }
        Map<String, LessonRecord> lessons = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("lessons").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode l = e.getValue();
            if (!l.path("done").isArray() || !l.path("step").canConvertToInt() || l.path("step").asInt() < 1) {
                throw new ProgressException("lesson " + e.getKey() + " has no done list or step");
            }
            TreeSet<Integer> done = new TreeSet<>();
            for (JsonNode d : l.get("done")) {
                if (!d.canConvertToInt() || d.asInt() < 1) {
                    throw new ProgressException("lesson " + e.getKey() + " lists a step that is not a number from 1");
                }
                done.add(d.asInt() - 1);
            }
            lessons.put(e.getKey(), new LessonRecord(done, l.get("step").asInt() - 1));
        }
        return new Progress(lessons);
    }
}
