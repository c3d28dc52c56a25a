package kubetutor.engine.kubectl.cobra;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.output.Output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * kubectl's hidden {@code __complete} command, which the completion scripts call: cobra's answer
 * for the last word of a command line (getCompletions), one "candidate<TAB>description" a line
 * on standard output, then ":DIRECTIVE", and on standard error the line naming the directive.
 * {@code __completeNoDesc} leaves the descriptions out.
 */
public final class CobraCompletion {
    /** The flags kubectl marks required: cobra offers them before anything else. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "scale", List.of("replicas"), "run", List.of("image"), "create deployment", List.of("image"),
            "create cronjob", List.of("image", "schedule"), "create service externalname", List.of("external-name"),
            "create clusterrolebinding", List.of("clusterrole"), "autoscale", List.of("max"));

    /** The values of a -f that cobra lets the shell complete: files with kubectl's manifest extensions. */
    private static final List<String> MANIFEST_EXTENSIONS = List.of("json", "yaml", "yml");

    /** What the "completion" command accepts: its ValidArgs. */
    private static final Map<String, List<String>> VALID_ARGS = Map.of("completion", List.of("bash", "zsh", "fish", "powershell"));

    private CobraCompletion() {}

    public static boolean handles(String command) {
        return command.equals("__complete") || command.equals("__completeNoDesc");
    }

    /** Answers {@code kubectl __complete WORDS...}; {@code root} is kubectl's command table. */
    public static int run(CommandSpec root, String command, List<String> words, Invocation inv) {
        if (words.isEmpty()) {
            inv.err("Error: requires at least 1 arg(s), only received 0");
            return 1;
        }
        CompletionLine line = CompletionLine.read(withHelp(root), words);
        List<String> candidates = new ArrayList<>();
        int directive = answer(line, inv, candidates);
        StringBuilder out = new StringBuilder();
        for (String c : candidates) {
            String shown = command.equals("__completeNoDesc") ? c.split("\t", 2)[0] : c;
            out.append(shown.split("\n", 2)[0].strip()).append('\n'); // a description's first line only
        }
        out.append(':').append(directive).append('\n');
        inv.sink().emit(Output.Text.message(out.toString().stripTrailing()));
        inv.warn("Completion ended with directive: " + Directive.names(directive));
        return 0;
    }

    /** cobra adds "help" to every command that has subcommands; kubectl's root also has "options". */
    private static CommandSpec withHelp(CommandSpec root) {
        List<CommandSpec> subs = new ArrayList<>(root.subcommands());
        subs.add(CommandSpec.of("help", "Help about any command", List.of()));
        subs.add(CommandSpec.of("options", "Print the list of flags inherited by all commands", List.of()));
        return root.withSubcommands(subs);
    }

    private static int answer(CompletionLine line, Invocation inv, List<String> candidates) {
        ArgumentCompletions arguments = new ArgumentCompletions(inv, line);
        String word = line.toComplete();
        if (line.flag() != null) {
            if (line.flag().name().equals("filename")) {
                candidates.addAll(MANIFEST_EXTENSIONS);
                return Directive.FILTER_FILE_EXT;
            }
            return arguments.forFlag(line.flag().name()).map(a -> {
                candidates.addAll(a.candidates());
                return a.directive();
            }).orElse(Directive.DEFAULT);
        }
        if (word.startsWith("-") && !word.contains("=")) {
            candidates.addAll(required(line, word));
            if (candidates.isEmpty()) {
                flagNames(line.inherited(), line, word, candidates);
                flagNames(line.local(), line, word, candidates);
            }
            return candidates.size() == 1 && candidates.get(0).endsWith("=") ? Directive.NO_SPACE : Directive.NO_FILE_COMP;
        }
        int directive = Directive.DEFAULT;
        boolean ownFlagSet = line.spec().flags().stream().anyMatch(f -> line.set().containsKey(f.name())) && !line.path().isEmpty();
        if (line.args().isEmpty() && !ownFlagSet) {
            List<CommandSpec> subs = new ArrayList<>(line.spec().subcommands());
            subs.sort(Comparator.comparing(CommandSpec::name));
            for (CommandSpec s : subs) {
                if (s.name().startsWith(word)) {
                    candidates.add(s.summary().isEmpty() ? s.name() : s.name() + "\t" + s.summary());
                }
                directive = Directive.NO_FILE_COMP;
            }
        }
        candidates.addAll(required(line, word));
        List<String> valid = VALID_ARGS.get(line.command());
        if (valid != null) {
            if (line.args().isEmpty()) {
                valid.stream().filter(v -> v.startsWith(word)).forEach(candidates::add);
                directive = Directive.NO_FILE_COMP;
            }
            return directive;
        }
        Optional<ArgumentCompletions.Answer> found = arguments.forArguments();
        if (found.isPresent()) {
            candidates.addAll(found.get().candidates());
            directive = found.get().directive();
        }
        return directive;
    }

    /** The required flags not given yet whose names start with {@code word}. */
    private static List<String> required(CompletionLine line, String word) {
        List<String> out = new ArrayList<>();
        Set<String> names = Set.copyOf(REQUIRED.getOrDefault(line.command(), List.of()));
        List<FlagSpec> sorted = new ArrayList<>(line.local());
        sorted.sort(Comparator.comparing(FlagSpec::name));
        for (FlagSpec f : sorted) {
            if (names.contains(f.name()) && !line.set().containsKey(f.name())) {
                flagName(f, word, out);
            }
        }
        return out;
    }

    /** pflag's VisitAll order (sorted by name); a flag given already is offered again only if it repeats. */
    private static void flagNames(List<FlagSpec> flags, CompletionLine line, String word, List<String> out) {
        List<FlagSpec> sorted = new ArrayList<>(flags);
        sorted.sort(Comparator.comparing(FlagSpec::name));
        for (FlagSpec f : sorted) {
            if (f.listed() && (!line.set().containsKey(f.name()) || f.repeatable())) {
                flagName(f, word, out);
            }
        }
    }

    private static void flagName(FlagSpec f, String word, List<String> out) {
        String longName = "--" + f.name();
        if (longName.startsWith(word)) {
            out.add(longName + "\t" + f.usage());
        }
        if (f.shorthand() != null && !f.shorthand().isEmpty() && ("-" + f.shorthand()).startsWith(word)) {
            out.add("-" + f.shorthand() + "\t" + f.usage());
        }
    }
}
