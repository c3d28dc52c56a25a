package kubetutor.engine.kubectl.verb;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.format.JsonWriter;
import kubetutor.engine.format.YamlWriter;
import kubetutor.engine.kubectl.Help;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.KubeConfig;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.output.Cell;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kubectl config: view, current-context, get-contexts, get-clusters, get-users, set-context and
 * use-context over the session's kubeconfig. The namespace a context names becomes the default of
 * every later command (through {@link KubeConfig#namespace()}).
 */
public final class ConfigVerb implements Verb {
    /** kubetutor's kubeconfig is one file: there is no hierarchy to merge, and a Config has no managed fields. */
    private static final FlagSpec MERGE = FlagSpec.bool("merge", null, "Merge the full hierarchy of kubeconfig files")
            .withDefault("true");
    private static final FlagSpec SHOW_MANAGED_FIELDS = FlagSpec.bool("show-managed-fields", null,
            "If true, keep the managedFields when printing objects in JSON or YAML format.");
    private static final FlagSpec OUTPUT = FlagSpec.choice("output", "o", "", "Output format.", "yaml", "json", "name",
            "jsonpath", "jsonpath-as-json", "jsonpath-file");

    private static final List<CommandSpec> SUBCOMMANDS = List.of(
            CommandSpec.of("current-context", "Display the current-context", List.of()),
            CommandSpec.of("get-clusters", "Display clusters defined in the kubeconfig", List.of()),
            CommandSpec.of("get-contexts", "Describe one or many contexts", List.of(OUTPUT,
                    FlagSpec.bool("no-headers", null, "When using the default or custom-column output format, don't print headers (default print headers).")),
                    ValueKind.CONTEXT),
            CommandSpec.of("get-users", "Display users defined in the kubeconfig", List.of()),
            CommandSpec.of("set-context", "Set a context entry in kubeconfig", List.of(
                    FlagSpec.value("cluster", null, ValueKind.TEXT, "", "cluster for the context entry in kubeconfig"),
                    FlagSpec.bool("current", null, "Modify the current context"),
                    FlagSpec.value("namespace", null, ValueKind.NAMESPACE, "", "namespace for the context entry in kubeconfig"),
                    FlagSpec.value("user", null, ValueKind.TEXT, "", "user for the context entry in kubeconfig")), ValueKind.CONTEXT),
            new CommandSpec("use-context", List.of("use"), "Set the current-context in a kubeconfig file", List.of(),
                    List.of(ValueKind.CONTEXT), List.of()),
            CommandSpec.of("view", "Display merged kubeconfig settings or a specified kubeconfig file", List.of(OUTPUT.withDefault("yaml"),
                    FlagSpec.bool("minify", null, "Remove all information not used by current-context from the output"),
                    FlagSpec.bool("raw", null, "Display raw byte data and sensitive data"),
                    FlagSpec.bool("flatten", null, "Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)"),
                    kubetutor.engine.kubectl.printer.TemplateOutput.ALLOW_MISSING_KEYS, MERGE, SHOW_MANAGED_FIELDS,
                    kubetutor.engine.kubectl.printer.TemplateOutput.TEMPLATE)));

    /** Flags of the subcommands: kubectl parses them all for "config"; each subcommand accepts only its own. */
    private static final Map<String, Set<String>> OWN_FLAGS = Map.of(
            "view", Set.of("output", "minify", "raw", "flatten", "allow-missing-template-keys", "merge",
                    "show-managed-fields", "template"),
            "get-contexts", Set.of("output", "no-headers"),
            "set-context", Set.of("current"));

    private static final CommandSpec SPEC = new CommandSpec("config", List.of(), "Modify kubeconfig files",
            List.of(OUTPUT,
                    FlagSpec.bool("no-headers", null, "Don't print headers."),
                    FlagSpec.bool("current", null, "Modify the current context"),
                    FlagSpec.bool("minify", null, "Remove all information not used by current-context from the output"),
                    FlagSpec.bool("raw", null, "Display raw byte data and sensitive data"),
                    FlagSpec.bool("flatten", null, "Flatten the resulting kubeconfig file into self-contained output"),
                    kubetutor.engine.kubectl.printer.TemplateOutput.ALLOW_MISSING_KEYS, MERGE, SHOW_MANAGED_FIELDS,
                    kubetutor.engine.kubectl.printer.TemplateOutput.TEMPLATE),
            List.of(), SUBCOMMANDS);


    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        List<String> positional = inv.args().positional();
        if (positional.isEmpty()) {
            // kubectl prints config's help on standard error when no subcommand is given.
            inv.sink().emit(Output.Error.of(help()));
            return 1;
        }
        String sub = positional.get(0);
        List<String> args = positional.subList(1, positional.size());
        String name = sub.equals("use") ? "use-context" : sub;
        if (SPEC.subcommand(name).isEmpty()) {
            throw new UsageException(Set.of("delete-cluster", "delete-context", "delete-user", "rename-context", "set",
                    "set-cluster", "set-credentials", "unset").contains(sub)
                    ? "error: kubetutor does not simulate \"kubectl config " + sub + "\" (the lab has one cluster and one user)"
                    : "error: unknown command \"" + sub + "\"\nSee 'kubectl config -h' for help and examples");
        }
        checkFlags(inv, name);
        KubeConfig kc = inv.kubeconfig();
        return switch (name) {
            case "view" -> view(inv, kc);
            case "current-context" -> {
                inv.out(kc.currentContext());
                yield 0;
            }
            case "get-contexts" -> getContexts(inv, kc, args);
            case "get-clusters" -> names(inv, KubeConfig.CLUSTER);
            case "get-users" -> names(inv, KubeConfig.USER);
            case "set-context" -> setContext(inv, kc, args);
            default -> useContext(inv, kc, args);
        };
    }

    private static void checkFlags(Invocation inv, String sub) {
        Set<String> own = OWN_FLAGS.getOrDefault(sub, Set.of());
        for (FlagSpec f : SPEC.flags()) {
            if (inv.args().has(f.name()) && !own.contains(f.name())) {
                throw new UsageException("Error: unknown flag: --" + f.name() + "\nSee 'kubectl config " + sub
                        + " --help' for usage.");
            }
        }
    }

    private static int view(Invocation inv, KubeConfig kc) {
        String output = inv.args().get("output", "yaml");
        boolean minify = inv.args().bool("minify");
        boolean raw = inv.args().bool("raw") || inv.args().bool("flatten");
        switch (output) {
            case "", "yaml" -> inv.sink().emit(new Output.Text(
                    YamlWriter.write(ConfigView.yamlTree(kc, inv.cluster(), minify, raw)), Output.TextKind.YAML));
            case "json" -> inv.sink().emit(new Output.Text(
                    JsonWriter.write(ConfigView.jsonTree(kc, inv.cluster(), minify, raw)), Output.TextKind.JSON));
            // the Config object has no name: kubectl's name printer says so
            case "name" -> inv.out("config/<unknown>");
            // JSONPath walks the v1 Config as JSON, the same tree -o json prints
            default -> {
                if (!kubetutor.engine.kubectl.printer.TemplateOutput.isJsonPath(output)) {
                    throw new UsageException("error: unable to match a printer suitable for the output format \"" + output
                            + "\", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml");
                }
                kubetutor.engine.kubectl.printer.TemplateOutput.of(inv, output,
                        kubetutor.engine.kubectl.printer.TemplateOutput.WRITE_FORMATS)
                        .print(ConfigView.jsonTree(kc, inv.cluster(), minify, raw));
            }
        }
        return 0;
    }

    private static int getContexts(Invocation inv, KubeConfig kc, List<String> names) {
        String output = inv.args().get("output", "");
        if (!output.isEmpty() && !output.equals("name")) {
            throw new UsageException("error: --output " + output
                    + " is not available in kubectl config get-contexts; resetting to default output format");
        }
        List<KubeConfig.Context> shown = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (names.isEmpty()) {
            shown.addAll(ConfigView.contexts(kc, false));
        } else {
            for (String n : names) {
                KubeConfig.Context c = kc.context(n);
                if (c == null) {
                    missing.add(n);
                } else {
                    shown.add(c);
                }
            }
        }
        if (output.equals("name")) {
            StringBuilder sb = new StringBuilder();
            shown.forEach(c -> sb.append(c.name()).append('\n'));
            inv.sink().emit(new Output.Text(sb.toString(), Output.TextKind.MESSAGE));
        } else {
            List<List<Cell>> rows = new ArrayList<>();
            for (KubeConfig.Context c : shown) {
                rows.add(List.of(Cell.plain(c.name().equals(kc.currentContext()) ? "*" : ""), Cell.plain(c.name()),
                        Cell.plain(c.cluster()), Cell.plain(c.user()), Cell.plain(c.namespace())));
            }
            List<String> headers = inv.args().bool("no-headers") ? List.of()
                    : List.of("CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE");
            inv.sink().emit(new Output.TableOutput(new Table(headers, rows)));
        }
        for (String n : missing) {
            inv.err("error: context " + n + " not found");
        }
        return missing.isEmpty() ? 0 : 1;
    }

    private static int names(Invocation inv, String name) {
        inv.sink().emit(new Output.Text("NAME\n" + name + "\n", Output.TextKind.MESSAGE));
        return 0;
    }

    private static int setContext(Invocation inv, KubeConfig kc, List<String> args) {
        if (args.size() > 1) {
            return helpAndError(inv, help("set-context"), args);
        }
        boolean current = inv.args().bool("current");
        if (args.isEmpty() && !current) {
            throw new UsageException("error: you must specify a non-empty context name or --current");
        }
        if (!args.isEmpty() && current) {
            throw new UsageException("error: you cannot specify both a context name and --current");
        }
        String name = current ? kc.currentContext() : args.get(0);
        KubeConfig.Context old = kc.context(name);
        KubeConfig.Context base = old != null ? old : new KubeConfig.Context(name, "", "", "");
        // only the flags given change the entry: kubectl merges them over what is there
        kc.put(new KubeConfig.Context(name, inv.args().get("cluster", base.cluster()),
                inv.args().get("user", base.user()), inv.args().get("namespace", base.namespace())));
        inv.out("Context \"" + name + "\" " + (old != null ? "modified." : "created."));
        return 0;
    }

    private static int useContext(Invocation inv, KubeConfig kc, List<String> args) {
        if (args.size() != 1) {
            return helpAndError(inv, help("use-context"), args);
        }
        String name = args.get(0);
        if (kc.context(name) == null) {
            throw new UsageException("error: no context exists with the name: \"" + name + "\"");
        }
        kc.use(name);
        inv.out("Switched to context \"" + name + "\".");
        return 0;
    }

    /** The page {@code kubectl config [SUBCOMMAND] --help} prints. */
    private static String help(String... subcommand) {
        List<CommandSpec> path = new java.util.ArrayList<>(List.of(Help.ROOT, SPEC));
        for (String s : subcommand) {
            path.add(SPEC.subcommand(s).orElseThrow());
        }
        return Help.command(path);
    }

    /** cobra prints the command's help on standard output, then the error on standard error. */
    private static int helpAndError(Invocation inv, String help, List<String> args) {
        inv.sink().emit(new Output.Text(help, Output.TextKind.HELP));
        inv.err("error: Unexpected args: [" + String.join(" ", args) + "]");
        return 1;
    }
}
