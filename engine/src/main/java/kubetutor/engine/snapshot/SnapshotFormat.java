package kubetutor.engine.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import kubetutor.engine.api.ResourceQuantity;
import kubetutor.engine.cluster.ClusterSpec;
import kubetutor.engine.cluster.PodCidrs;
import kubetutor.engine.sim.Simulation;
import kubetutor.engine.workspace.Entry;
import kubetutor.engine.workspace.TextEditor;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The snapshot file: YAML a person can read (and diff), versioned by {@code kind} and {@code version}.
 * <pre>
 * kind: KubetutorSnapshot
 * version: 3
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
 * - run: while true; do kubectl get pods; sleep 5; done
 *   background: true                            # a job (CMD &): journaled where it started
 * - request: {method: POST, path: /api/v1/namespaces/default/configmaps, query: {}, contentType: ..., body: ...}   # serve
 * - exec: {stream: 1, path: /api/v1/namespaces/default/pods/box/exec, query: {command: [sh], stdin: ["true"], tty: ["true"]}}
 * - input: {stream: 1, text: "touch /tmp/x\r"}   # what the client sent on the exec's standard input
 * - end: {stream: 1, hangUp: false}             # its standard input ended (hangUp: the client went away)
 * - forward: {podIp: 10.244.1.2, port: 80, path: /, userAgent: curl/8.5.0}   # a request through port-forward
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
        if (!s.epoch().equals(Simulation.EPOCH)) {
            root.put("epoch", s.epoch().toString());
        }
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
        if (step instanceof JournalStep.Background b) {
            ObjectNode run = step(b.run());
            o.put("run", b.run().command()).put("background", true);
            run.remove("run");
            o.setAll(run);
        } else if (step instanceof JournalStep.Run r) {
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
            if (!r.meanwhile().isEmpty()) {
                ArrayNode meanwhile = o.putArray("meanwhile");
                r.meanwhile().forEach(m -> meanwhile.add(step(m.step()).put("at", m.at().toString())));
            }
        } else if (step instanceof JournalStep.Type t) {
            o.put("type", t.text());
            pacing(o, t.pacing());
        } else if (step instanceof JournalStep.Clock c) {
            o.put("clock", c.until().toString());
        } else if (step instanceof JournalStep.Request r) {
            ObjectNode req = o.putObject("request");
            req.put("method", r.method());
            req.put("path", r.path());
            ObjectNode query = req.putObject("query");
            r.query().forEach((k, values) -> values.forEach(query.withArray(k)::add));
            req.put("contentType", r.contentType());
            req.put("body", r.body());
        } else {
            StreamSteps.write(step, o);
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

    private static void pacing(ObjectNode o, JournalStep.Pacing p) {
        if (p.wallClock()) {
            o.put("wallClock", true);
        }
        if (!p.stops().isEmpty()) {
            ArrayNode stops = o.putArray("stops");
            p.stops().forEach(i -> stops.add(i.toString()));
        }
    }

    /**
     * Reads a snapshot file's text; the exception's message says what is wrong in a few words. A
     * snapshot is data someone else may have written: it is checked as it is read, and bounded.
     */
    public static Snapshot read(String text) throws SnapshotException {
        if (text.length() > MAX_SIZE) {
            throw new SnapshotException("larger than the " + MAX_SIZE / (1024 * 1024) + "Mi a snapshot may be");
        }
        JsonNode root;
        try {
            root = READER.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new SnapshotException("not a kubetutor snapshot");
        }
        if (root == null || !root.isObject() || !Snapshot.KIND.equals(root.path("kind").asText())) {
            throw new SnapshotException("not a kubetutor snapshot");
        }
        int version = root.path("version").asInt(-1);
        if (version < Snapshot.OLDEST_READ || version > Snapshot.VERSION) {
            throw new SnapshotException("snapshot version " + root.path("version").asText("(none)")
                    + " is not supported (this kubetutor reads versions " + Snapshot.OLDEST_READ + " to " + Snapshot.VERSION + ")");
        }
        try {
            return snapshot(root);
        } catch (Damaged e) {
            throw new SnapshotException("damaged snapshot: " + e.getMessage());
        }
    }

    /** The most text a snapshot may hold (it embeds the files its commands read). */
    public static final int MAX_SIZE = 64 * 1024 * 1024;
    /** The most steps a journal may have; each is a command replayed on load. */
    public static final int MAX_STEPS = 100_000;
    /** The most nodes a snapshot's cluster may have (a benchmark's large cluster has a hundred). */
    public static final int MAX_NODES = 1000;

    private static final ObjectMapper READER = new ObjectMapper(new InMemoryYamlFactory(loaderOptions()));

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(MAX_SIZE);
        return o;
    }

    /** Something in a snapshot that is not what kubetutor writes; the message says what, in a few words. */
    static final class Damaged extends Exception {
        Damaged(String message) {
            super(message, null, false, false);
        }
    }

    private static Snapshot snapshot(JsonNode root) throws Damaged {
        JsonNode steps = root.path("journal");
        if (!steps.isArray() && !steps.isMissingNode()) {
            throw new Damaged("the journal is not a list");
        }
        if (steps.size() > MAX_STEPS) {
            throw new Damaged("the journal has more than " + MAX_STEPS + " steps");
        }
        List<JournalStep> journal = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            journal.add(step(steps.get(i), "journal step " + (i + 1)));
        }
        JsonNode expect = root.path("expect");
        Snapshot.LessonPlace lesson = null;
        if (root.has("lesson")) {
            lesson = new Snapshot.LessonPlace(root.path("lesson").path("id").asText(),
                    (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number(root.path("lesson").path("step"), "lesson.step") - 1)));
        }
        Instant epoch = root.has("epoch") ? instant(root.get("epoch"), "epoch") : Simulation.EPOCH;
        return new Snapshot(number(root.path("seed"), "seed"), cluster(root.path("cluster")), journal,
                instant(expect.path("clock"), "expect.clock"), number(expect.path("rng"), "expect.rng"), lesson, epoch);
    }

    static long number(JsonNode n, String what) throws Damaged {
        if (!n.canConvertToLong() || !n.isIntegralNumber()) {
            throw new Damaged(what + " is not a whole number");
        }
        return n.asLong();
    }

    private static Instant instant(JsonNode n, String what) throws Damaged {
        if (!n.isTextual()) {
            throw new Damaged(what + " is not a time");
        }
        try {
            return Instant.parse(n.asText());
        } catch (DateTimeParseException e) {
            throw new Damaged(what + " is not a time");
        }
    }

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final Pattern NODE_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private static ClusterSpec cluster(JsonNode c) throws Damaged {
        String subnet = c.path("podSubnet").asText("");
        Matcher m = CIDR.matcher(subnet);
        if (!m.matches() || IntStream.rangeClosed(1, 4).anyMatch(g -> Integer.parseInt(m.group(g)) > 255)
                || Integer.parseInt(m.group(5)) > 24) {
            throw new Damaged("the cluster's podSubnet is not an IPv4 CIDR of /24 or wider");
        }
        JsonNode list = c.path("nodes");
        if (!list.isArray() || list.isEmpty() || list.size() > MAX_NODES) {
            throw new Damaged("the cluster must have between 1 and " + MAX_NODES + " nodes");
        }
        List<ClusterSpec.NodeSpec> nodes = new ArrayList<>();
        for (JsonNode n : list) {
            String name = n.path("name").asText("");
            int cpu = n.path("cpu").asInt(2);
            String memory = n.path("memory").asText("4Gi");
            if (!NODE_NAME.matcher(name).matches() || cpu < 1 || cpu > 1024 || ResourceQuantity.problem(memory).isPresent()) {
                throw new Damaged("a node of the cluster has no valid name, cpu or memory");
            }
            nodes.add(new ClusterSpec.NodeSpec(name, n.path("role").asText().equals("control-plane"), cpu, memory));
        }
        if (nodes.size() > PodCidrs.parse(subnet).capacity()) {
            throw new Damaged("the cluster has more nodes than its podSubnet has room for");
        }
        return new ClusterSpec(subnet, List.copyOf(nodes));
    }

    private static JournalStep step(JsonNode s, String where) throws Damaged {
        if (s.path("run").isTextual()) {
            Map<String, Entry> files = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = s.path("files").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                files.put(f.getKey(), entry(f.getValue()));
            }
            List<TextEditor.Outcome> edits = new ArrayList<>();
            for (JsonNode e : s.path("edits")) {
                edits.add(edit(e, where));
            }
            List<JournalStep.Meanwhile> meanwhile = new ArrayList<>();
            for (JsonNode m : s.path("meanwhile")) {
                String what = where + "'s meanwhile step";
                JournalStep step = m.path("request").isObject() ? step(m, what) : StreamSteps.read(m, what);
                if (step == null) {
                    throw new Damaged(what + " is neither request, exec, input, end nor forward");
                }
                meanwhile.add(new JournalStep.Meanwhile(instant(m.path("at"), what + "'s time"), step));
            }
            JournalStep.Run run = new JournalStep.Run(s.get("run").asText(), files, pacing(s, where), edits, meanwhile);
            return s.path("background").asBoolean(false) ? new JournalStep.Background(run) : run;
        }
        if (s.path("type").isTextual()) {
            return new JournalStep.Type(s.get("type").asText(), pacing(s, where));
        }
        if (s.has("clock")) {
            return new JournalStep.Clock(instant(s.get("clock"), where + "'s clock"));
        }
        if (s.path("request").isObject()) {
            JsonNode r = s.get("request");
            if (!r.path("method").isTextual() || !r.path("path").isTextual()) {
                throw new Damaged(where + "'s request has no method or path");
            }
            return new JournalStep.Request(r.get("method").asText(), r.get("path").asText(), query(r),
                    r.path("contentType").asText(""), r.path("body").asText(""));
        }
        JournalStep stream = StreamSteps.read(s, where);
        if (stream != null) {
            return stream;
        }
        throw new Damaged(where + " is neither run, type, clock, request, exec, input, end nor forward");
    }

    static Map<String, List<String>> query(JsonNode r) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = r.path("query").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> q = it.next();
            List<String> values = new ArrayList<>();
            q.getValue().forEach(v -> values.add(v.asText()));
            query.put(q.getKey(), values);
        }
        return query;
    }

    private static TextEditor.Outcome edit(JsonNode n, String where) throws Damaged {
        if (n.path("text").isTextual()) {
            return new TextEditor.Saved(n.path("file").asText(""), n.get("text").asText());
        }
        if (n.path("error").isTextual()) {
            return new TextEditor.Failed(n.get("error").asText());
        }
        throw new Damaged(where + " has an edit that is neither text nor error");
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

    private static JournalStep.Pacing pacing(JsonNode s, String where) throws Damaged {
        List<Instant> stops = new ArrayList<>();
        for (JsonNode i : s.path("stops")) {
            stops.add(instant(i, where + "'s stop"));
        }
        return new JournalStep.Pacing(s.path("wallClock").asBoolean(false), stops);
    }
}
