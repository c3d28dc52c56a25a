package kubetutor.engine.kubectl.rollout;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.printer.TemplateOutput;

import java.util.ArrayList;
import java.util.List;

/** The rollout subcommands: their entries in the command table, and running one by name. */
public final class RolloutCommands {
    private static final FlagSpec FILENAME = FlagSpec.many("filename", "f", ValueKind.FILE,
            "Filename, directory, or URL to files identifying the resource to get from a server.");
    private static final FlagSpec SELECTOR = FlagSpec.value("selector", "l", ValueKind.LABEL_SELECTOR, "",
            "Selector (label query) to filter on, supports '=', '==', and '!='.");
    private static final FlagSpec OUTPUT = FlagSpec.choice("output", "o", "", "Output format.", "json", "yaml", "name", "jsonpath=");
    private static final FlagSpec FIELD_MANAGER = FlagSpec.value("field-manager", null, ValueKind.TEXT, "kubectl-rollout",
            "Name of the manager used to track field ownership.");
    private static final List<FlagSpec> PRINTING = List.of(TemplateOutput.ALLOW_MISSING_KEYS, OUTPUT, TemplateOutput.TEMPLATE);

    private static final List<CommandSpec> SPECS = List.of(
            sub("history", "View rollout history", concat(PRINTING, FILENAME, SELECTOR,
                    FlagSpec.value("revision", null, ValueKind.TEXT, "0", "See the details, including podTemplate of the revision specified"))),
            sub("pause", "Mark the provided resource as paused", concat(PRINTING, FIELD_MANAGER, FILENAME, SELECTOR)),
            sub("restart", "Restart a resource", concat(PRINTING, FIELD_MANAGER, FILENAME, SELECTOR)),
            sub("resume", "Resume a paused resource", concat(PRINTING, FIELD_MANAGER, FILENAME, SELECTOR)),
            sub("status", "Show the status of the rollout", List.of(FILENAME, SELECTOR,
                    FlagSpec.value("revision", null, ValueKind.TEXT, "0", "Pin to a specific revision for showing its status. Defaults to 0 (last revision)."),
                    FlagSpec.value("timeout", null, ValueKind.DURATION, "0s", "The length of time to wait before ending watch, zero means never."),
                    FlagSpec.bool("watch", "w", "Watch the status of the rollout until it's done.").withDefault("true"))),
            sub("undo", "Undo a previous rollout", concat(PRINTING, DryRun.FLAG, FILENAME, SELECTOR,
                    FlagSpec.value("to-revision", null, ValueKind.TEXT, "0", "The revision to rollback to. Default to 0 (last revision)."))));

    private RolloutCommands() {}

    public static List<CommandSpec> specs() {
        return SPECS;
    }

    /** Runs subcommand {@code name} on the words after it. */
    public static int run(String name, Invocation inv, List<String> words) {
        return switch (name) {
            case "status" -> RolloutStatus.run(inv, words);
            case "history" -> RolloutHistory.run(inv, words);
            case "undo" -> RolloutUndo.run(inv, words);
            case "pause" -> RolloutPatch.run(inv, words, RolloutPatch.Kind.PAUSE);
            case "resume" -> RolloutPatch.run(inv, words, RolloutPatch.Kind.RESUME);
            case "restart" -> RolloutPatch.run(inv, words, RolloutPatch.Kind.RESTART);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static CommandSpec sub(String name, String summary, List<FlagSpec> flags) {
        return CommandSpec.of(name, summary, flags, ValueKind.RESOURCE_TYPE, ValueKind.OBJECT_NAME);
    }

    private static List<FlagSpec> concat(List<FlagSpec> first, FlagSpec... more) {
        List<FlagSpec> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }
}
