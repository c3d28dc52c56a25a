package kubetutor.engine.kubectl.verb;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Help;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubectl.set.SetCommands;

import java.util.List;

/** kubectl set: image, env, resources and service account of the pod templates, a Service's selector, a binding's subjects, each in {@link SetCommands}. */
public final class SetVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("set", "Set specific features on objects", List.of())
            .withSubcommands(SetCommands.specs());

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        List<String> positional = inv.args().positional();
        if (positional.isEmpty()) {
            return Help.missingSubcommand(inv, SPEC);
        }
        String sub = positional.get(0);
        if (SPEC.subcommand(sub).isEmpty()) {
            throw new UsageException("error: unknown command \"" + sub + "\"\nSee 'kubectl set -h' for help and examples");
        }
        // by the subcommand's own name: "sa" is serviceaccount
        return SetCommands.run(SPEC.subcommand(sub).get().name(), inv, positional.subList(1, positional.size()));
    }
}
