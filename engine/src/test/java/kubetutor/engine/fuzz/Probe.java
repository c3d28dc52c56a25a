package kubetutor.engine.fuzz;

import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.CommandInput;
import kubetutor.engine.command.ScriptReader;
import kubetutor.engine.command.Substitutions;
import kubetutor.engine.format.JsonWriter;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs hostile inputs in a session, as the front ends do, and checks what the issue asks of every
 * one: no exception crosses the session's boundary (nor is caught there: that is a bug it hides),
 * no Java in what the learner reads, no change to the cluster by a command that failed without
 * doing anything, no file written outside the workspace, and an answer within {@link #BOUND}.
 */
public final class Probe {
    /**
     * How long one input may take before it counts as a hang. Not a speed check (benchmarks/ measure
     * speed): a loaded 2-core machine took 10 s for a busy loop that stops at its step budget.
     */
    public static final Duration BOUND = Duration.ofSeconds(60);

    /** Java as a learner must never see it: class names, stack frames, the JVM's errors. */
    private static final Pattern JAVA = Pattern.compile("java\\.[a-z]+\\.|\\w+Exception\\b|\\.java:\\d+|\\bat kubetutor\\."
            + "|kubetutor\\.(engine|shell|kernel)\\.|com\\.fasterxml|org\\.yaml|StackOverflowError|OutOfMemoryError"
            + "|StreamReadConstraints|@[0-9a-f]{7,8}\\b");
    /** The boundary's own lines: caught, but each is a bug to fix. */
    private static final Pattern BOUNDARY = Pattern.compile("kubetutor failed on|nests too deeply for kubetutor|needs more memory than kubetutor");

    private final Path workspace;
    private final Path outside;
    private final List<String> setup;
    private Session session;
    private long slowest;

    /** A finding: the input, and what it broke. */
    public record Finding(String input, String what) {}

    /**
     * @param root  a scratch directory: the workspace is made inside it, beside a canary directory
     *              that no input may touch
     * @param setup commands that give the inputs something to work on (a pod, a controller, files)
     */
    public Probe(Path root, List<String> setup) {
        try {
            this.workspace = Files.createDirectories(root.resolve("ws"));
            this.outside = Files.createDirectories(root.resolve("outside"));
            Files.writeString(outside.resolve("canary"), "untouched\n");
            Files.createDirectories(workspace.resolve("sub"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.setup = setup;
        fresh();
    }

    /** A new session, set up: a run of inputs starts from the same state whatever the last one did. */
    public void fresh() {
        try {
            session = new Session(new SessionOptions(1, null, workspace));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        setup.forEach(c -> session.execute(c, o -> { }, Pacer.IMMEDIATE));
    }

    public Session session() {
        return session;
    }

    public Path workspace() {
        return workspace;
    }

    public long slowestMillis() {
        return slowest;
    }

    /** Runs one input; the findings, empty when it behaved. */
    public List<Finding> run(String input) {
        List<Finding> found = new ArrayList<>();
        String before = state();
        Instant clockBefore = session.now();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int status;
        long start = System.nanoTime();
        try {
            status = session.execute(input, o -> (o instanceof Output.Error ? err : out).append(PlainText.render(o)), Pacer.IMMEDIATE);
        } catch (Throwable t) {
            found.add(new Finding(input, "an exception crossed the boundary: " + t));
            fresh();
            return found;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        slowest = Math.max(slowest, millis);
        String printed = out + "" + err;
        if (millis > BOUND.toMillis()) {
            found.add(new Finding(input, "took " + millis + " ms"));
        }
        if (BOUNDARY.matcher(printed).find()) {
            found.add(new Finding(input, "kubetutor failed inside: " + firstLine(err.toString()) + where(err.toString())));
        }
        var java = JAVA.matcher(printed);
        if (java.find() && !JAVA.matcher(input).find() && found.isEmpty()) { // not the stack trace --debug adds
            found.add(new Finding(input, "Java in the output: " + java.group() + " in " + around(printed, java.start())));
        }
        // A process a command runs may change the cluster whatever its status (an exec the OOM killer ends).
        boolean runsAProcess = input.contains(" exec ") || input.contains(" run ") || input.contains(" attach ");
        if (status != 0 && out.isEmpty() && isOneCommand(input) && !runsAProcess && session.now().equals(clockBefore)
                && !before.equals(state())) {
            found.add(new Finding(input, "the cluster changed, though the command failed and reported nothing done"));
        }
        if (!outsideUntouched()) {
            found.add(new Finding(input, "a file outside the workspace was touched"));
        }
        return found;
    }

    /** Everything in the store: what a failed command must leave as it found it. */
    private String state() {
        StringBuilder sb = new StringBuilder();
        for (ResourceType t : ResourceTypes.ALL_TYPES) {
            session.cluster().store().list(t, null).forEach(o -> sb.append(JsonWriter.compact(o)).append('\n'));
        }
        return sb.toString();
    }

    /** A single simple command: compound lines may fail after an earlier part did its work. */
    private static boolean isOneCommand(String input) {
        try {
            List<CommandInput> cs = ScriptReader.read(input);
            // ...and one whose output is seen: redirected, its successes would go unreported here.
            return cs.size() == 1 && cs.get(0).pipeline() == null && cs.get(0).redirect() == null
                    && !Substitutions.any(cs.get(0).words());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean outsideUntouched() {
        try (Stream<Path> inside = Files.list(outside); Stream<Path> beside = Files.list(outside.getParent())) {
            return inside.count() == 1 && beside.count() == 2
                    && Files.readString(outside.resolve("canary")).equals("untouched\n");
        } catch (IOException e) {
            return false;
        }
    }

    /** With --debug on, the failure's first frames in kubetutor's code: where to look. */
    private static String where(String err) {
        StringBuilder sb = new StringBuilder();
        err.lines().filter(l -> l.contains("Exception") || l.contains("Error:") || l.contains("at kubetutor.")).limit(4)
                .forEach(l -> sb.append("\n    ").append(l.strip()));
        return sb.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String around(String s, int at) {
        return s.substring(Math.max(0, at - 40), Math.min(s.length(), at + 60)).replace('\n', ' ');
    }

    /** What a session is given before hostile inputs: a little of everything they may act on. */
    public static final List<String> SETUP = List.of(
            "kubectl run web --image=nginx --port=80 --labels=app=web",
            "kubectl run box --image=busybox -- sleep 3600",
            "kubectl create configmap cfg --from-literal=a=b",
            "kubectl create deployment api --image=nginx",
            "cat > web.yaml <<EOF\napiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n  replicas: 2\n"
                    + "  selector:\n    app: rc\n  template:\n    metadata:\n      labels:\n        app: rc\n    spec:\n"
                    + "      containers:\n      - name: c\n        image: nginx\nEOF",
            "kubectl apply -f web.yaml",
            "save snap.yaml",
            "sleep 20");
}
