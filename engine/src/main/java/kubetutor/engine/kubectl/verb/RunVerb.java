package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.container.SimRuntime;
import kubetutor.engine.container.Terminal;
import kubetutor.engine.format.DryRunObjects;
import kubetutor.engine.format.JsonWriter;
import kubetutor.engine.format.YamlWriter;
import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubectl.printer.TemplateOutput;
import kubetutor.engine.output.Output;
import kubetutor.engine.sim.Pacer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** kubectl run: one pod from flags; with -i/-t it attaches, with --rm it deletes the pod afterwards. */
public final class RunVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("run", "Run a particular image on the cluster", List.of(
            FlagSpec.value("image", null, ValueKind.TEXT, "", "The image for the container to run."),
            FlagSpec.choice("restart", null, "Always", "The restart policy for this Pod.  Legal values [Always, OnFailure, Never].",
                    "Always", "OnFailure", "Never"),
            FlagSpec.bool("rm", null, "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'."),
            FlagSpec.bool("stdin", "i", "Keep stdin open on the container in the pod, even if nothing is attached."),
            FlagSpec.bool("tty", "t", "Allocate a TTY for the container in the pod."),
            FlagSpec.bool("attach", null, "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called."),
            FlagSpec.bool("leave-stdin-open", null, "If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes."),
            PodForObject.Purpose.ATTACH.timeoutFlag(),
            FlagSpec.value("port", null, ValueKind.TEXT, "", "The port that this container exposes."),
            FlagSpec.value("labels", "l", ValueKind.TEXT, "", "Comma separated labels to apply to the pod. Will override previous values."),
            FlagSpec.many("env", null, ValueKind.TEXT, "Environment variables to set in the container."),
            FlagSpec.bool("command", null, "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default."),
            DryRun.FLAG,
            FlagSpec.choice("output", "o", "", "Output format.", "json", "yaml", "name", "jsonpath="),
            TemplateOutput.ALLOW_MISSING_KEYS,
            TemplateOutput.TEMPLATE,
            FlagSpec.choice("image-pull-policy", null, "", "The image pull policy for the container.", "Always", "IfNotPresent", "Never"),
            kubetutor.engine.kubectl.Record.FLAG),
            ValueKind.TEXT);

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        List<String> pos = inv.args().positional();
        if (pos.isEmpty()) {
            throw new UsageException("error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
        }
        String name = pos.get(0);
        String image = inv.args().get("image", "");
        if (image.isEmpty()) {
            throw new UsageException("error: required flag(s) \"image\" not set");
        }
        String restart = inv.args().get("restart", "Always");
        if (!List.of("Always", "OnFailure", "Never").contains(restart)) {
            throw new UsageException("error: invalid restart policy: " + restart + "\nSee 'kubectl run -h' for help and examples");
        }
        boolean stdin = inv.args().bool("stdin");
        boolean tty = inv.args().bool("tty");
        boolean attach = inv.args().has("attach") ? inv.args().bool("attach") : stdin;
        if (inv.args().bool("rm") && !attach) {
            throw new UsageException("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples");
        }
        DryRun dryRun = DryRun.of(inv);
        if (dryRun != DryRun.NONE && (attach || stdin || tty)) {
            throw new UsageException("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\n"
                    + "See 'kubectl run -h' for help and examples");
        }
        List<String> env = inv.args().all("env");
        for (String e : env) {
            if (!e.contains("=")) {
                throw new UsageException("error: invalid env: " + e);
            }
        }
        Integer port = null;
        if (!inv.args().get("port", "").isEmpty()) {
            String text = inv.args().get("port");
            String problem = text.matches("[-+]?\\d+") ? null : "invalid syntax";
            try {
                // Go's Atoi reads 64 bits and kubectl narrows to int32 unchecked: the server then judges what is left.
                port = problem == null ? (int) Long.parseLong(text) : null;
            } catch (NumberFormatException e) {
                problem = "value out of range";
            }
            if (problem != null) {
                throw new UsageException("error: strconv.Atoi: parsing \"" + text + "\": " + problem);
            }
        }
        Map<String, String> labels = null;
        if (!inv.args().get("labels", "").isEmpty()) {
            labels = new LinkedHashMap<>();
            for (String kv : inv.args().get("labels").split(",")) {
                int eq = kv.indexOf('=');
                if (eq < 0) {
                    throw new UsageException("error: invalid label spec: " + kv);
                }
                labels.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        List<String> args = new ArrayList<>(inv.args().afterDash());
        args.addAll(pos.subList(1, pos.size()));
        ObjectNode pod = DryRunObjects.pod(new DryRunObjects.RunSpec(name, inv.namespaceGiven() ? inv.namespace() : null,
                image, port, labels, env, restart, inv.args().bool("command"), args));
        ObjectNode container = (ObjectNode) pod.path("spec").path("containers").get(0);
        if (!inv.args().get("image-pull-policy", "").isEmpty()) {
            container.put("imagePullPolicy", inv.args().get("image-pull-policy"));
        }
        if (stdin) {
            container.put("stdin", true);
            container.put("stdinOnce", true);
        }
        if (tty) {
            container.put("tty", true);
        }
        kubetutor.engine.kubectl.Record.annotate(inv, pod);
        String output = inv.args().get("output", "");
        if (dryRun == DryRun.CLIENT) {
            return print(inv, pod, output, dryRun.suffix());
        }
        ObjectNode toCreate = pod.deepCopy();
        Meta.metadata(toCreate).put("namespace", inv.namespace());
        ObjectNode created = inv.cluster().api().create(ResourceTypes.POD, toCreate, dryRun == DryRun.SERVER);
        if (!attach) {
            return print(inv, created, output, dryRun.suffix());
        }
        boolean waitForExitCode = !inv.args().bool("leave-stdin-open") && !restart.equals("Always");
        return attach(inv, new Attached(name, inv.namespace(), inv.args().bool("rm"), tty && stdin,
                waitForExitCode ? restart : null, PodForObject.timeout(inv, PodForObject.Purpose.ATTACH)));
    }

    private static int print(Invocation inv, ObjectNode pod, String output, String suffix) {
        if (TemplateOutput.isJsonPath(output)) {
            TemplateOutput.of(inv, output, TemplateOutput.WRITE_FORMATS).print(pod);
            return 0;
        }
        switch (output) {
            case "yaml" -> inv.sink().emit(new Output.Text(YamlWriter.write(pod), Output.TextKind.YAML));
            case "json" -> inv.sink().emit(new Output.Text(JsonWriter.write(pod) + "\n", Output.TextKind.JSON));
            case "name" -> inv.out("pod/" + Meta.name(pod));
            default -> inv.out("pod/" + Meta.name(pod) + " created" + suffix);
        }
        return 0;
    }

    /**
     * What run attaches to and what it does afterwards.
     *
     * @param exitPolicy the restart policy whose exit code kubectl waits for (Never: the pod ends
     *                   either way; OnFailure: only success ends it), or null when it does not wait
     */
    private record Attached(String name, String namespace, boolean rm, boolean interactive, String exitPolicy, Duration timeout) {}

    /**
     * Waits for the pod to run (--pod-running-timeout), then attaches: an open shell becomes the
     * session's terminal; any other command's output streams until it exits. Then, as kubectl does,
     * it waits for the pod to end and exits with its container's code; --rm deletes the pod last.
     */
    private static int attach(Invocation inv, Attached a) {
        String ns = a.namespace();
        String name = a.name();
        Cluster cluster = inv.cluster();
        inv.runUntil(() -> {
            JsonNode p = cluster.store().get(ResourceTypes.POD, ns, name);
            return p == null || !p.path("status").path("phase").asText("Pending").equals("Pending");
        }, inv.now().plus(a.timeout()));
        PodTarget t = PodTarget.resolve(inv, name, name);
        if (a.interactive() && !inv.useTty(true, true)) {
            inv.warn("If you don't see a command prompt, try pressing enter.");
            if (t.running() && cluster.runtime() instanceof SimRuntime sim) {
                sim.stdinClosed(t.runningId(), 0); // its input ends at once: a shell reading it exits
            }
        } else if (a.interactive() && t.running() && cluster.runtime() instanceof SimRuntime sim) {
            String id = t.runningId();
            var opened = Terminal.open(sim, id, status -> {
                sim.stdinClosed(id, status);
                List<Output> after = new ArrayList<>();
                if (restartsAlways(cluster, a)) {
                    after.add(AttachVerb.sessionEnded(name, name));
                }
                // The shell has exited: let the kubelet notice, as kubectl's wait for the pod's end does.
                Outcome outcome = outcome(cluster, a, Pacer.IMMEDIATE);
                after.addAll(finish(cluster, a, outcome));
                return after;
            });
            if (opened.isPresent()) {
                inv.out("If you don't see a command prompt, try pressing enter.");
                sim.attach(opened.get());
                return 0;
            }
        }
        // Not a shell waiting for input: show what the container prints until it ends.
        inv.runUntil(() -> {
            JsonNode p = cluster.store().get(ResourceTypes.POD, ns, name);
            if (p == null) {
                return true;
            }
            for (JsonNode s : p.path("status").path("containerStatuses")) {
                if (!s.path("state").has("running") && (s.path("state").has("terminated") || s.path("lastState").has("terminated"))) {
                    return true;
                }
            }
            return false;
        }, inv.now().plus(Duration.ofMinutes(5)));
        t = PodTarget.resolve(inv, name, name);
        JsonNode st = t.status();
        if (st != null) {
            JsonNode term = st.path("state").has("terminated") ? st.path("state").path("terminated") : st.path("lastState").path("terminated");
            String id = term.path("containerID").asText(st.path("containerID").asText(""));
            StringBuilder sb = new StringBuilder();
            cluster.runtime().logs(id).orElse(List.of()).forEach(l -> sb.append(l.text()).append('\n'));
            if (sb.length() > 0) {
                inv.sink().emit(new Output.Text(sb.toString(), Output.TextKind.LOG));
            }
        }
        Outcome outcome = outcome(cluster, a, inv.pacer());
        finish(cluster, a, outcome).forEach(inv.sink()::emit);
        return outcome.code();
    }

    /** attach.go prints "Session ended" for a pod the kubelet restarts, --rm or not (the pod is deleted right after). */
    private static boolean restartsAlways(Cluster cluster, Attached a) {
        JsonNode pod = cluster.store().get(ResourceTypes.POD, a.namespace(), a.name());
        return pod != null && pod.path("spec").path("restartPolicy").asText("Always").equals("Always");
    }

    /** How a run ends: its exit code, and kubectl's message when it is not 0. */
    private record Outcome(int code, String error) {}

    /** kubectl waits for the pod to end and returns its container's exit code (a restart policy of Always never ends). */
    private static Outcome outcome(Cluster cluster, Attached a, Pacer pacer) {
        if (a.exitPolicy() == null) {
            return new Outcome(0, null);
        }
        JsonNode[] pod = new JsonNode[1];
        boolean ended = pacer.runUntil(cluster.sim(), () -> {
            pod[0] = cluster.store().get(ResourceTypes.POD, a.namespace(), a.name());
            String phase = pod[0] == null ? "" : pod[0].path("status").path("phase").asText();
            return pod[0] == null || phase.equals("Succeeded") || (phase.equals("Failed") && a.exitPolicy().equals("Never"));
        }, cluster.sim().now().plus(a.timeout()));
        if (pod[0] == null) {
            return new Outcome(1, "Error from server (NotFound): pods \"\" not found");
        }
        String phase = pod[0].path("status").path("phase").asText();
        if (!ended || !(phase.equals("Succeeded") || phase.equals("Failed"))) {
            return new Outcome(1, "error: timed out waiting for the condition");
        }
        if (phase.equals("Succeeded")) {
            return new Outcome(0, null);
        }
        String id = a.namespace() + "/" + a.name();
        JsonNode statuses = pod[0].path("status").path("containerStatuses");
        JsonNode terminated = statuses.path(0).path("state").path("terminated");
        if (statuses.size() == 0 || terminated.isMissingNode() || terminated.path("exitCode").asInt() == 0) {
            return new Outcome(1, "error: pod " + id + " failed with unknown exit code");
        }
        // kubectl prints this error without its usual "error: " prefix: it carries an exit code.
        return new Outcome(terminated.path("exitCode").asInt(), "pod " + id + " terminated (" + terminated.path("reason").asText()
                + ")\n" + terminated.path("message").asText(""));
    }

    /** --rm's delete runs before kubectl prints the run's error (it is deferred in kubectl's run). */
    private static List<Output> finish(Cluster cluster, Attached a, Outcome outcome) {
        List<Output> out = new ArrayList<>();
        if (a.rm()) {
            cluster.api().delete(ResourceTypes.POD, a.namespace(), a.name(), kubetutor.engine.api.DeleteOptions.DEFAULT);
            out.add(Output.Text.message("pod \"" + a.name() + "\" deleted"));
        }
        if (outcome.error() != null) {
            out.add(Output.Error.of(outcome.error()));
        }
        return out;
    }
}
