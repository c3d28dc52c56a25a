package kubetutor.engine.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import kubetutor.engine.cluster.ClusterSpec;
import kubetutor.engine.workspace.Entry;
import kubetutor.engine.workspace.TextEditor;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot file: YAML a person can read (and diff), versioned by {@code kind} and {@code version}.
 * <pre>
 * kind: KubetutorSnapshot
 * version: 1
 * seed: 1
 * cluster: {podSubnet: 10.244.0.0/16, nodes: [{name: master, role: control-plane, cpu: 2, memory: 4Gi}, ...]}
 * journal:
 * - run: kubectl apply -f pod.yaml
 *   files: {pod.yaml: "apiVersion: v1 ..."}     # what the command read; null: missing; {directory: [...]}; {error: ...}
 * - clock: 2026-01-05T09:00:12.5Z               # the realtime clock moved between commands
 * - run: kubectl get pods -w
 *   wallClock: true
 *   stops: [2026-01-05T09:00:40Z]               # Ctrl-C
 * - run: kubectl edit rc/web
 *   edits: [{file: /tmp/kubectl-edit-1.yaml, text: "..."}, {error: ...}]   # what the editor gave back
 * - type: ls /                                  # typed into an attached container shell
 * lesson: {id: pods, step: 3}                   # the lesson running when saved, if one was
 * expect: {clock: 2026-01-05T09:01:00Z, rng: -4265302364181468571}
 * </pre>
 */
public final class SnapshotFormat {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    private SnapshotFormat() {}

    public static String write(Snapshot s) {
        ObjectNode root = JSON.objectNode();
        root.put("kind", Snapshot.KIND);
        root.put("version", Snapshot.VERSION);
        root.put("seed", s.seed());
        root.set("cluster", cluster(s.cluster()));
        ArrayNode journal = root.putArray("journal");
        for (JournalStep step : s.journal()) {
            journal.add(step(step));
        }
        if (s.lesson() != null) {
            ObjectNode lesson = root.putObject("lesson");
            lesson.put("id", s.lesson().id());
            lesson.put("step", s.lesson().step() + 1);
        }
        ObjectNode expect = root.putObject("expect");
        expect.put("clock", s.clock().toString());
        expect.put("rng", s.rng());
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot tree is always writable", e);
        }
    }

    private static ObjectNode cluster(ClusterSpec spec) {
        ObjectNode c = JSON.objectNode();
        c.put("podSubnet", spec.podSubnet());
        ArrayNode nodes = c.putArray("nodes");
        for (ClusterSpec.NodeSpec n : spec.nodes()) {
            nodes.addObject().put("name", n.name()).put("role", n.controlPlane() ? "control-plane" : "worker")
                    .put("cpu", n.cpu()).put("memory", n.memory());
        }
        return c;
    }

    private static ObjectNode step(JournalStep step) {
        ObjectNode o = JSON.objectNode();
        if (step instanceof JournalStep.Run r) {
            o.put("run", r.command());
            if (!r.files().isEmpty()) {
                ObjectNode files = o.putObject("files");
                r.files().forEach((name, entry) -> files.set(name, entry(entry)));
            }
            if (!r.edits().isEmpty()) {
                ArrayNode edits = o.putArray("edits");
                r.edits().forEach(e -> edits.add(edit(e)));
            }
            pacing(o, r.pacing());
        } else if (step instanceof JournalStep.Type t) {
            o.put("type", t.text());
            pacing(o, t.pacing());
        } else if (step instanceof JournalStep.Clock c) {
            o.put("clock", c.until().toString());
        }
        return o;
    }

    private static JsonNode entry(Entry e) {
        if (e instanceof Entry.File f) {
            return JSON.textNode(f.text());
        }
        if (e instanceof Entry.Directory d) {
            ObjectNode o = JSON.objectNode();
            d.names().forEach(o.putArray("directory")::add);
            return o;
        }
        if (e instanceof Entry.Unreadable u) {
            return JSON.objectNode().put("error", u.message());
        }
        return JSON.nullNode();
    }

    private static ObjectNode edit(TextEditor.Outcome outcome) {
        if (outcome instanceof TextEditor.Saved saved) {
            return JSON.objectNode().put("file", saved.path()).put("text", saved.text());
        }
        return JSON.objectNode().put("error", ((TextEditor.Failed) outcome).message());
    }

    private static TextEditor.Outcome edit(JsonNode n) {
        if (n.path("text").isTextual()) {
            return new TextEditor.Saved(n.path("file").asText(""), n.get("text").asText());
        }
        if (n.path("error").isTextual()) {
            return new TextEditor.Failed(n.get("error").asText());
        }
        throw new IllegalArgumentException("an edit is neither text nor error");
    }

    private static void pacing(ObjectNode o, JournalStep.Pacing p) {
        if (p.wallClock()) {
            o.put("wallClock", true);
        }
        if (!p.stops().isEmpty()) {
            ArrayNode stops = o.putArray("stops");
            p.stops().forEach(i -> stops.add(i.toString()));
        }
    }

    /** Reads a snapshot file's text; the exception's message says what is wrong in a few words. */
    public static Snapshot read(String text) throws SnapshotException {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SnapshotException("not a kubetutor snapshot");
        }
        if (root == null || !root.isObject() || !Snapshot.KIND.equals(root.path("kind").asText())) {
            throw new SnapshotException("not a kubetutor snapshot");
        }
        int version = root.path("version").asInt(-1);
        if (version != Snapshot.VERSION) {
            throw new SnapshotException("snapshot version " + root.path("version").asText("(none)")
                    + " is not supported (this kubetutor reads version " + Snapshot.VERSION + ")");
        }
        try {
            List<JournalStep> journal = new ArrayList<>();
            for (JsonNode s : root.path("journal")) {
                journal.add(step(s));
            }
            JsonNode expect = root.path("expect");
            Snapshot.LessonPlace lesson = null;
            if (root.has("lesson")) {
                lesson = new Snapshot.LessonPlace(root.path("lesson").path("id").asText(),
                        (int) number(root.path("lesson").path("step"), "lesson.step") - 1);
            }
            return new Snapshot(number(root.path("seed"), "seed"), cluster(root.path("cluster")), journal,
                    instant(expect.path("clock")), number(expect.path("rng"), "expect.rng"), lesson);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new SnapshotException("damaged snapshot: " + e.getMessage());
        }
    }

    private static long number(JsonNode n, String what) {
        if (!n.canConvertToLong()) {
            throw new IllegalArgumentException(what + " is not a number");
        }
        return n.asLong();
    }

    private static Instant instant(JsonNode n) {
        if (!n.isTextual()) {
            throw new IllegalArgumentException("a time is missing");
        }
        return Instant.parse(n.asText());
    }

    private static ClusterSpec cluster(JsonNode c) {
        List<ClusterSpec.NodeSpec> nodes = new ArrayList<>();
        for (JsonNode n : c.path("nodes")) {
            nodes.add(new ClusterSpec.NodeSpec(n.path("name").asText(), n.path("role").asText().equals("control-plane"),
                    n.path("cpu").asInt(2), n.path("memory").asText("4Gi")));
        }
        if (nodes.isEmpty() || !c.path("podSubnet").isTextual()) {
            throw new IllegalArgumentException("the cluster has no nodes or no podSubnet");
        }
        return new ClusterSpec(c.path("podSubnet").asText(), List.copyOf(nodes));
    }

    private static JournalStep step(JsonNode s) {
        if (s.path("run").isTextual()) {
            Map<String, Entry> files = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = s.path("files").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                files.put(f.getKey(), entry(f.getValue()));
            }
            List<TextEditor.Outcome> edits = new ArrayList<>();
            for (JsonNode e : s.path("edits")) {
                edits.add(edit(e));
            }
            return new JournalStep.Run(s.get("run").asText(), files, pacing(s), edits);
        }
        if (s.path("type").isTextual()) {
            return new JournalStep.Type(s.get("type").asText(), pacing(s));
        }
        if (s.has("clock")) {
            return new JournalStep.Clock(instant(s.get("clock")));
        }
        throw new IllegalArgumentException("a journal step is neither run, type nor clock");
    }

    private static Entry entry(JsonNode n) {
        if (n.isTextual()) {
            return new Entry.File(n.asText());
        }
        if (n.has("directory")) {
            List<String> names = new ArrayList<>();
            n.get("directory").forEach(x -> names.add(x.asText()));
            return new Entry.Directory(names);
        }
        if (n.has("error")) {
            return new Entry.Unreadable(n.get("error").asText());
        }
        return new Entry.Missing();
    }

    private static JournalStep.Pacing pacing(JsonNode s) {
        List<Instant> stops = new ArrayList<>();
        for (JsonNode i : s.path("stops")) {
            stops.add(instant(i));
        }
        return new JournalStep.Pacing(s.path("wallClock").asBoolean(false), stops);
    }
}
