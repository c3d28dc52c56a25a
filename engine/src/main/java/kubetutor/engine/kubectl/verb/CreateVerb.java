package kubetutor.engine.kubectl.verb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.schema.FieldValidation;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.DryRun;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.printer.TemplateOutput;
import kubetutor.engine.kubectl.Manifests;
import kubetutor.engine.kubectl.ObjectWrites;
import kubetutor.engine.kubectl.Record;
import kubetutor.engine.kubectl.ValidateFlag;
import kubetutor.engine.kubectl.Verb;

import java.util.List;

/** kubectl create -f: creates what the manifests describe ("pod/x created"). */
public final class CreateVerb implements Verb {
    static final List<FlagSpec> FLAGS = List.of(
            FlagSpec.many("filename", "f", ValueKind.FILE, "Filename, directory, or URL to files to use to create the resource"),
            FlagSpec.choice("output", "o", "", "Output format. One of: (json, yaml, name).", "json", "yaml", "name"),
            DryRun.FLAG,
            FlagSpec.bool("save-config", null, "If true, the configuration of current object will be saved in its annotation."),
            FlagSpec.bool("recursive", "R", "Process the directory used in -f, --filename recursively."),
            FlagSpec.value("validate", null, ValueKind.TEXT, "strict", "Must be one of: strict (or true), warn, ignore (or false)."),
                TemplateOutput.ALLOW_MISSING_KEYS, TemplateOutput.TEMPLATE, Record.FLAG);

    private final List<CommandSpec> subcommands;
    private final java.util.function.BiFunction<String, Invocation, Integer> subcommandRunner;

    /**
     * @param subcommands      create's subcommands (namespace, deployment, ...)
     * @param subcommandRunner runs one of them by name
     */
    public CreateVerb(List<CommandSpec> subcommands, java.util.function.BiFunction<String, Invocation, Integer> subcommandRunner) {
        this.subcommands = subcommands;
        this.subcommandRunner = subcommandRunner;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.of("create", "Create a resource from a file or from stdin", FLAGS).withSubcommands(subcommands);
    }

    @Override
    public int run(Invocation inv) {
        if (!inv.args().positional().isEmpty()) {
            String sub = inv.args().positional().get(0);
            for (CommandSpec s : subcommands) {
                if (s.name().equals(sub) || s.aliases().contains(sub)) {
                    return subcommandRunner.apply(s.name(), inv);
                }
            }
            throw new UsageException("error: Unexpected args: " + inv.args().positional() + "\nSee 'kubectl create -h' for help and examples");
        }
        if (inv.args().all("filename").isEmpty()) {
            throw new UsageException("error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples");
        }
        List<Manifests.Doc> docs = Manifests.read(inv);
        if (docs.isEmpty()) {
            throw new UsageException("error: no objects passed to create");
        }
        DryRun dryRun = DryRun.of(inv);
        FieldValidation validation = ValidateFlag.of(inv);
        String output = inv.args().get("output", "");
        return ObjectWrites.forEachDocument(inv, docs, (doc, type, obj) -> {
            if (inv.args().bool("save-config")) {
                ObjectWrites.setLastApplied(obj);
            }
            // after the saved configuration, as kubectl records: the change cause is not part of it
            Record.annotate(inv, obj);
            // A server dry run goes through admission and validation like a real create; nothing is stored.
            if (dryRun != DryRun.CLIENT) {
                ValidateFlag.beforeWrite(inv, validation, type, obj);
            }
            ObjectNode created = dryRun == DryRun.CLIENT ? obj : inv.cluster().api().create(type, obj, dryRun == DryRun.SERVER);
            ObjectWrites.printResult(inv, type, created, "created", dryRun, output);
        });
    }
}
