package kubetutor.engine.kubectl.verb;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.kubectl.Help;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Verb;
import kubetutor.engine.kubectl.rollout.RolloutCommands;
import kubetutor.engine.output.Output;

import java.util.List;

/**
 * kubectl rollout: status, history, undo, pause, resume and restart of deployments (and daemon
 * sets), each in {@link RolloutCommands}.
 */
public final class RolloutVerb implements Verb {
    private static final CommandSpec SPEC = CommandSpec.of("rollout", "Manage the rollout of a resource", List.of())
            .withSubcommands(RolloutCommands.specs());

    @Override
    public CommandSpec spec() {
        return SPEC;
    }

    @Override
    public int run(Invocation inv) {
        List<String> positional = inv.args().positional();
        if (positional.isEmpty()) {
            // cobra's DefaultSubCommandRun: the help, on standard output, and a failure
            inv.sink().emit(new Output.Text(Help.command(List.of(Help.ROOT, SPEC)), Output.TextKind.HELP));
            return 1;
        }
        String sub = positional.get(0);
        if (SPEC.subcommand(sub).isEmpty()) {
            throw new UsageException("error: unknown command \"" + sub + "\"\nSee 'kubectl rollout -h' for help and examples");
        }
        return RolloutCommands.run(sub, inv, positional.subList(1, positional.size()));
    }
}
