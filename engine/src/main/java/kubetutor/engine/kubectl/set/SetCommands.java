package kubetutor.engine.kubectl.set;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Record;
import kubetutor.engine.kubectl.printer.TemplateOutput;

import java.util.ArrayList;
import java.util.List;

/** The set subcommands kubetutor has: their entries in the command table, and running one by name. */
public final class SetCommands {
    private static final FlagSpec FIELD_MANAGER = FlagSpec.value("field-manager", null, ValueKind.TEXT, "kubectl-set",
            "Name of the manager used to track field ownership.");
    private static final FlagSpec OUTPUT = FlagSpec.choice("output", "o", "", "Output format.", "json", "yaml", "name", "jsonpath=");
    private static final FlagSpec SELECTOR = FlagSpec.value("selector", "l", ValueKind.LABEL_SELECTOR, "",
            "Selector (label query) to filter on, supports '=', '==', and '!='.");
    private static final FlagSpec CONTAINERS = FlagSpec.value("containers", "c", ValueKind.TEXT, "*",
            "The names of containers in the selected pod templates to change - may use wildcards");
    private static final List<FlagSpec> COMMON = List.of(TemplateOutput.ALLOW_MISSING_KEYS, DryRun.FLAG, FIELD_MANAGER,
            OUTPUT, SELECTOR, TemplateOutput.TEMPLATE);

    private static final List<CommandSpec> SPECS = List.of(
            sub("env", "Update environment variables on a pod template", concat(
                    FlagSpec.bool("all", null, "If true, select all resources in the namespace of the specified resource types"),
                    CONTAINERS,
                    FlagSpec.many("env", "e", ValueKind.KEY_VALUE, "Specify a key-value pair for an environment variable to set into each container."),
                    FlagSpec.many("filename", "f", ValueKind.FILE, "Filename, directory, or URL to files the resource to update the env"),
                    FlagSpec.value("from", null, ValueKind.TEXT, "", "The name of a resource from which to inject environment variables"),
                    FlagSpec.many("keys", null, ValueKind.TEXT, "Comma-separated list of keys to import from specified resource"),
                    FlagSpec.bool("list", null, "If true, display the environment and any changes in the standard format."),
                    FlagSpec.bool("overwrite", null, "If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.").withDefault("true"),
                    FlagSpec.value("prefix", null, ValueKind.TEXT, "", "Prefix to append to variable names"))),
            sub("image", "Update the image of a pod template", concat(
                    FlagSpec.bool("all", null, "Select all resources, in the namespace of the specified resource types"),
                    FlagSpec.many("filename", "f", ValueKind.FILE, "Filename, directory, or URL to files identifying the resource to get from a server."),
                    Record.FLAG)),
            sub("resources", "Update resource requests/limits on objects with pod templates", concat(
                    FlagSpec.bool("all", null, "Select all resources, in the namespace of the specified resource types"),
                    CONTAINERS.withDefault("*"),
                    FlagSpec.many("filename", "f", ValueKind.FILE, "Filename, directory, or URL to files identifying the resource to get from a server."),
                    FlagSpec.value("limits", null, ValueKind.TEXT, "", "The resource requirement requests for this container."),
                    FlagSpec.value("requests", null, ValueKind.TEXT, "", "The resource requirement requests for this container."),
                    Record.FLAG)),
            sub("selector", "Set the selector on a resource", withoutSelector(concat(
                    FlagSpec.bool("all", null, "Select all resources in the namespace of the specified resource types"),
                    FlagSpec.many("filename", "f", ValueKind.FILE, "identifying the resource."),
                    FlagSpec.bool("local", null, "If true, annotation will NOT contact api-server but run locally."),
                    FlagSpec.value("resource-version", null, ValueKind.TEXT, "",
                            "If non-empty, the selectors update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource."),
                    Record.FLAG))),
            sub("serviceaccount", "Update the service account of a resource", withoutSelector(concat(
                    FlagSpec.bool("all", null, "Select all resources, in the namespace of the specified resource types"),
                    FlagSpec.many("filename", "f", ValueKind.FILE, "Filename, directory, or URL to files identifying the resource to get from a server."),
                    FlagSpec.bool("local", null, "If true, set serviceaccount will NOT contact api-server but run locally."),
                    Record.FLAG))).withAliases("sa"),
            sub("subject", "Update the user, group, or service account in a role binding or cluster role binding", concat(
                    FlagSpec.bool("all", null, "Select all resources, in the namespace of the specified resource types"),
                    FlagSpec.many("filename", "f", ValueKind.FILE, "Filename, directory, or URL to files the resource to update the subjects"),
                    FlagSpec.many("group", null, ValueKind.TEXT, "Groups to bind to the role"),
                    FlagSpec.bool("local", null, "If true, set subject will NOT contact api-server but run locally."),
                    FlagSpec.many("serviceaccount", null, ValueKind.TEXT, "Service accounts to bind to the role"),
                    FlagSpec.many("user", null, ValueKind.TEXT, "Usernames to bind to the role"))));

    private SetCommands() {}

    public static List<CommandSpec> specs() {
        return SPECS;
    }

    /** Runs subcommand {@code name} on the words after it. */
    public static int run(String name, Invocation inv, List<String> words) {
        return switch (name) {
            case "image" -> SetImage.run(inv, words);
            case "env" -> SetEnv.run(inv, words);
            case "resources" -> SetResources.run(inv, words);
            case "selector" -> SetSelector.run(inv, words);
            case "serviceaccount" -> SetServiceAccount.run(inv, words);
            case "subject" -> SetSubject.run(inv, words);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static CommandSpec sub(String name, String summary, List<FlagSpec> flags) {
        return CommandSpec.of(name, summary, flags, ValueKind.RESOURCE_TYPE, ValueKind.OBJECT_NAME);
    }

    /** set selector takes its selector as an argument, and has no -l; set serviceaccount has none either. */
    private static List<FlagSpec> withoutSelector(List<FlagSpec> flags) {
        return flags.stream().filter(f -> f != SELECTOR).toList();
    }

    private static List<FlagSpec> concat(FlagSpec... own) {
        List<FlagSpec> all = new ArrayList<>(COMMON);
        all.addAll(List.of(own));
        return List.copyOf(all);
    }
}
