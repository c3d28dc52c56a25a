package kubetutor.engine.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One command of the command table: its name and aliases, one-line summary, flags, positional
 * arguments and subcommands. The same table drives parsing, help, and completion in the shell and
 * the kernel.
 *
 * @param args what the positional arguments are, in order; the last one repeats
 */
public record CommandSpec(String name, List<String> aliases, String summary, List<FlagSpec> flags,
                          List<ValueKind> args, List<CommandSpec> subcommands) {

    public static CommandSpec of(String name, String summary, List<FlagSpec> flags, ValueKind... args) {
        return new CommandSpec(name, List.of(), summary, flags, List.of(args), List.of());
    }

    public CommandSpec withSubcommands(List<CommandSpec> subs) {
        return new CommandSpec(name, aliases, summary, flags, args, subs);
    }

    public CommandSpec withAliases(String... a) {
        return new CommandSpec(name, List.of(a), summary, flags, args, subcommands);
    }

    public Optional<CommandSpec> subcommand(String word) {
        for (CommandSpec s : subcommands) {
            if (s.name.equals(word) || s.aliases.contains(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** This command's flags followed by the inherited ones. */
    /**
     * Its own flags, then the inherited ones it does not redefine: as in cobra, a local flag hides
     * the global one of the same name, shorthand included ({@code config set-context -n} is unknown).
     */
    public List<FlagSpec> allFlags(List<FlagSpec> inherited) {
        List<FlagSpec> all = new ArrayList<>(flags);
        for (FlagSpec f : inherited) {
            if (flags.stream().noneMatch(own -> own.name().equals(f.name()))) {
                all.add(f);
            }
        }
        return all;
    }
}
