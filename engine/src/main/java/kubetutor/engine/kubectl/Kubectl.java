package kubetutor.engine.kubectl;

import kubetutor.engine.api.ApiException;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagParser;
import kubetutor.engine.command.ParsedArgs;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.cobra.CobraCompletion;
import kubetutor.engine.kubectl.verb.ApplyVerb;
import kubetutor.engine.kubectl.verb.CreateVerb;
import kubetutor.engine.kubectl.verb.DeleteVerb;
import kubetutor.engine.kubectl.verb.DescribeVerb;
import kubetutor.engine.kubectl.verb.GetVerb;
import kubetutor.engine.kubectl.verb.MetadataVerb;
import kubetutor.engine.output.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * kubectl itself: the table of verbs, global flags, and kubectl's way of reporting errors (on
 * standard error, exit status 1). One table serves parsing, help and completion.
 */
public final class Kubectl {
    private final Map<String, Verb> verbs = new LinkedHashMap<>();

    public Kubectl() {
        // kubectl's own order (its help page's): cobra suggests "Did you mean" commands in it
        kubetutor.engine.kubectl.verb.CreateSubcommands creates = new kubetutor.engine.kubectl.verb.CreateSubcommands();
        register(new CreateVerb(creates.specs(), creates::run));
        register(new kubetutor.engine.kubectl.expose.ExposeVerb());
        register(new kubetutor.engine.kubectl.verb.RunVerb());
        register(new kubetutor.engine.kubectl.verb.SetVerb());
        register(new kubetutor.engine.kubectl.verb.ExplainVerb());
        register(new GetVerb());
        register(new kubetutor.engine.kubectl.verb.EditVerb());
        register(new DeleteVerb());
        register(new kubetutor.engine.kubectl.verb.RolloutVerb());
        register(new kubetutor.engine.kubectl.verb.ScaleVerb());
        register(new kubetutor.engine.kubectl.verb.ClusterInfoVerb());
        register(new kubetutor.engine.kubectl.verb.TopVerb());
        register(new DescribeVerb());
        register(new kubetutor.engine.kubectl.verb.LogsVerb());
        register(new kubetutor.engine.kubectl.verb.AttachVerb());
        register(new kubetutor.engine.kubectl.verb.ExecVerb());
        register(new kubetutor.engine.kubectl.verb.PortForwardVerb());
        register(new kubetutor.engine.kubectl.verb.CpVerb());
        register(new kubetutor.engine.kubectl.verb.AuthVerb());
        register(new kubetutor.engine.kubectl.verb.EventsVerb());
        register(new kubetutor.engine.kubectl.verb.DiffVerb());
        register(new ApplyVerb());
        register(new kubetutor.engine.kubectl.verb.PatchVerb());
        register(new kubetutor.engine.kubectl.verb.ReplaceVerb());
        register(new kubetutor.engine.kubectl.verb.WaitVerb());
        register(MetadataVerb.label());
        register(MetadataVerb.annotate());
        register(new kubetutor.engine.kubectl.verb.CompletionVerb());
        register(new kubetutor.engine.kubectl.verb.ApiResourcesVerb());
        register(new kubetutor.engine.kubectl.verb.ConfigVerb());
        register(new kubetutor.engine.kubectl.verb.VersionVerb());
    }

    public void register(Verb verb) {
        verbs.put(verb.spec().name(), verb);
        for (String alias : verb.spec().aliases()) {
            verbs.put(alias, verb);
        }
    }

    /** The command table: kubectl and its verbs. */
    public CommandSpec spec() {
        List<CommandSpec> subs = new ArrayList<>();
        verbs.forEach((name, v) -> {
            if (v.spec().name().equals(name)) {
                subs.add(v.spec());
            }
        });
        return new CommandSpec("kubectl", List.of("k"), "kubectl controls the Kubernetes cluster manager.",
                GlobalFlags.ALL, List.of(), List.copyOf(subs));
    }

    /**
     * cobra's help command: {@code kubectl help get} prints what {@code kubectl get --help} does; an
     * unknown topic gets a note and the command list on standard error, still with exit status 0.
     */
    private int help(List<String> args, java.util.function.Consumer<Output> sink) {
        List<String> words = args.stream().filter(a -> !a.startsWith("-")).toList();
        Verb verb = words.isEmpty() ? null : verbs.get(words.get(0));
        if (!words.isEmpty() && verb == null) {
            sink.accept(new Output.Error(Help.unknownHelpTopic(words.get(0), spec()), false));
        } else {
            sink.accept(new Output.Text(verb == null ? Help.kubectlOverview(spec())
                    : Help.command(helpPath(verb, words.subList(1, words.size()))), Output.TextKind.HELP));
        }
        return 0;
    }

    /** kubectl, the verb, and its subcommand when the first word after the verb names one. */
    private List<CommandSpec> helpPath(Verb verb, List<String> words) {
        List<CommandSpec> path = new ArrayList<>(List.of(spec(), verb.spec()));
        for (String w : words) {
            if (w.startsWith("-")) {
                continue;
            }
            var sub = path.get(path.size() - 1).subcommand(w);
            if (sub.isEmpty()) {
                break;
            }
            path.add(sub.get());
        }
        return path;
    }

    /**
     * Runs {@code kubectl ARGS}. {@code invocationFor} builds the verb's invocation from its parsed
     * arguments (the session supplies the cluster, kubeconfig, streams and pacer).
     */
    public int run(List<String> args, Function<ParsedArgs, Invocation> invocationFor,
                   java.util.function.Consumer<Output> sink) {
        try {
            if (args.isEmpty()) {
                sink.accept(new Output.Text(Help.kubectlOverview(spec()), Output.TextKind.HELP));
                return 0;
            }
            if (CobraCompletion.handles(args.get(0))) {
                return CobraCompletion.run(spec(), args.get(0), args.subList(1, args.size()), invocationFor.apply(new ParsedArgs()));
            }
            // Global flags may come before the verb ("kubectl -n dev get pods").
            int verbIndex = 0;
            while (verbIndex < args.size() && args.get(verbIndex).startsWith("-")) {
                String flag = args.get(verbIndex);
                boolean takesValue = !flag.contains("=") && (flag.equals("-n") || flag.equals("--namespace")
                        || flag.equals("--context") || flag.equals("--kubeconfig") || flag.equals("--request-timeout"));
                verbIndex += takesValue ? 2 : 1;
            }
            if (verbIndex >= args.size()) {
                sink.accept(new Output.Text(Help.kubectlOverview(spec()), Output.TextKind.HELP));
                return 0;
            }
            String name = args.get(verbIndex);
            if (name.equals("help")) {
                return help(args.subList(verbIndex + 1, args.size()), sink);
            }
            if (name.equals("options")) {
                // kubectl's own "options --help" prints nothing at all.
                List<String> after = args.subList(verbIndex + 1, args.size());
                if (!after.contains("--help") && !after.contains("-h")) {
                    sink.accept(new Output.Text(Help.globalOptions(GlobalFlags.ALL), Output.TextKind.HELP));
                }
                return 0;
            }
            Verb verb = verbs.get(name);
            if (verb == null) {
                throw new UsageException(Help.unknownCommand(name, "kubectl", verbs.keySet()));
            }
            List<String> rest = new ArrayList<>(args.subList(0, verbIndex));
            rest.addAll(args.subList(verbIndex + 1, args.size()));
            // Words after "--" belong to the container's command ("exec web -- ls -h"), not to kubectl.
            int dashes = rest.indexOf("--");
            List<String> own = dashes < 0 ? rest : rest.subList(0, dashes);
            if (own.contains("--help") || own.contains("-h")) {
                sink.accept(new Output.Text(Help.command(helpPath(verb, own)), Output.TextKind.HELP));
                return 0;
            }
            // A subcommand ("create namespace", "config view") brings its own flags.
            List<kubetutor.engine.command.FlagSpec> flags = verb.spec().allFlags(GlobalFlags.ALL);
            String path = "kubectl " + verb.spec().name();
            CommandSpec level = verb.spec();
            for (String word : rest) {
                if (word.startsWith("-")) {
                    continue;
                }
                var sub = level.subcommand(word);
                if (sub.isEmpty()) {
                    break;
                }
                // a group's subcommand ("create service nodeport") brings its own flags in turn
                level = sub.get();
                flags = level.allFlags(GlobalFlags.ALL);
                path = path + " " + level.name();
            }
            ParsedArgs parsed = FlagParser.parse(name, rest, flags, path);
            parsed.warnings().forEach(w -> sink.accept(Output.Error.info(w)));
            return verb.run(invocationFor.apply(parsed));
        } catch (UsageException e) {
            sink.accept(Output.Error.of(e.getMessage()));
            return e.exitCode();
        } catch (ApiException e) {
            sink.accept(Output.Error.of(e.kubectlMessage()));
            return 1;
        }
    }
}
