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
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.output.Output;

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
            FlagSpec.value("port", null, ValueKind.TEXT, "", "The port that this container exposes."),
            FlagSpec.value("labels", "l", ValueKind.TEXT, "", "Comma separated labels to apply to the pod. Will override previous values."),
            FlagSpec.many("env", null, ValueKind.TEXT, "Environment variables to set in the container."),
            FlagSpec.bool("command", null, "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default."),
            FlagSpec.choice("dry-run", null, "none", "Must be \"none\", \"server\", or \"client\".", "none", "client", "server"),
            FlagSpec.choice("output", "o", "", "Output format.", "json", "yaml", "name"),
            FlagSpec.choice("image-pull-policy", null, "", "The image pull policy for the container.", "Always", "IfNotPresent", "Never")),
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
        String dryRun = inv.args().get("dry-run", "none");
        if (!dryRun.equals("none") && (attach || stdin || tty)) {
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
            try {
                port = Integer.parseInt(inv.args().get("port"));
            } catch (NumberFormatException e) {
                throw new UsageException("error: strconv.Atoi: parsing \"" + inv.args().get("port") + "\": invalid syntax");
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
        String output = inv.args().get("output", "");
        if (dryRun.equals("client")) {
            return print(inv, pod, output, " (dry run)");
        }
        ObjectNode toCreate = pod.deepCopy();
        Meta.metadata(toCreate).put("namespace", inv.namespace());
        ObjectNode created = inv.cluster().api().create(ResourceTypes.POD, toCreate, dryRun.equals("server"));
        if (!attach) {
            return print(inv, created, output, dryRun.equals("server") ? " (server dry run)" : "");
        }
        return attach(inv, name, inv.args().bool("rm"), tty && stdin);
    }

    private static int print(Invocation inv, ObjectNode pod, String output, String suffix) {
        switch (output) {
            case "yaml" -> inv.sink().emit(new Output.Text(YamlWriter.write(pod), Output.TextKind.YAML));
            case "json" -> inv.sink().emit(new Output.Text(JsonWriter.write(pod) + "\n", Output.TextKind.JSON));
            case "name" -> inv.out("pod/" + Meta.name(pod));
            default -> inv.out("pod/" + Meta.name(pod) + " created" + suffix);
        }
        return 0;
    }

    /**
     * Waits for the pod to run (kubectl's --pod-running-timeout, 1m), then attaches: an open shell
     * becomes the session's terminal; any other command's output streams until it exits.
     */
    private static int attach(Invocation inv, String name, boolean rm, boolean interactive) {
        String ns = inv.namespace();
        var api = inv.cluster().api();
        inv.runUntil(() -> {
            JsonNode p = inv.cluster().store().get(ResourceTypes.POD, ns, name);
            return p == null || !p.path("status").path("phase").asText("Pending").equals("Pending");
        }, inv.now().plus(Duration.ofMinutes(1)));
        PodTarget t = PodTarget.resolve(inv, name, name);
        if (interactive && t.running() && inv.cluster().runtime() instanceof SimRuntime sim) {
            String id = t.runningId();
            var opened = Terminal.open(sim, id, status -> {
                sim.stdinClosed(id, status);
                List<Output> after = new ArrayList<>();
                if (rm) {
                    api.delete(ResourceTypes.POD, ns, name, null);
                    after.add(Output.Text.message("pod \"" + name + "\" deleted"));
                } else {
                    after.add(Output.Text.message("Session ended, resume using 'kubectl attach " + name + " -c " + name
                            + " -i -t' command when the pod is running"));
                }
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
            JsonNode p = inv.cluster().store().get(ResourceTypes.POD, ns, name);
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
            inv.cluster().runtime().logs(id).orElse(List.of()).forEach(l -> sb.append(l.text()).append('\n'));
            if (sb.length() > 0) {
                inv.sink().emit(new Output.Text(sb.toString(), Output.TextKind.LOG));
            }
        }
        if (rm) {
            api.delete(ResourceTypes.POD, ns, name, null);
            inv.out("pod \"" + name + "\" deleted");
        }
        return 0;
    }
}
