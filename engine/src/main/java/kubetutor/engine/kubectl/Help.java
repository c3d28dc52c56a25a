package kubetutor.engine.kubectl;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.output.Output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kubectl's help (cobra's layout with kubectl's templates, texts from {@link HelpPage}) and its "Did
 * you mean this?" for unknown commands (cobra's Levenshtein rule).
 */
public final class Help {
    private Help() {}

    /** {@code kubectl}, {@code kubectl --help} and {@code kubectl help}: the grouped list of commands. */
    public static String kubectlOverview(CommandSpec kubectl) {
        return command(List.of(kubectl));
    }

    /** {@code kubectl help foo}: cobra's note, then the command list without kubectl's description. */
    public static String unknownHelpTopic(String topic, CommandSpec kubectl) {
        String overview = kubectlOverview(kubectl);
        String description = HelpPage.load(List.of()).map(HelpPage::description).orElse("");
        return "Unknown help topic [`" + topic + "`]\n\n\n" + overview.substring(description.length() + 2);
    }

    /** The root of a help page's path when a verb names its own page: its name is all the page takes from it. */
    public static final CommandSpec ROOT = new CommandSpec("kubectl", List.of(), "", List.of(), List.of(), List.of());

    /**
     * cobra's DefaultSubCommandRun, which kubectl's parent commands (set, auth, top) use when given
     * no subcommand: the command's help on standard error, exit status 1.
     */
    public static int missingSubcommand(Invocation inv, CommandSpec parent) {
        inv.sink().emit(Output.Error.of(command(List.of(ROOT, parent))));
        return 1;
    }

    /**
     * {@code kubectl COMMAND... --help} as kubectl's help template lays it out. {@code path} runs from
     * kubectl itself down to the command asked about. Descriptions, examples and usage lines are
     * kubectl's; the flags listed are the command's own in the command table, so help never promises
     * a flag kubetutor lacks.
     */
    public static String command(List<CommandSpec> path) {
        CommandSpec spec = path.get(path.size() - 1);
        List<String> words = new ArrayList<>();
        for (CommandSpec s : path.subList(1, path.size())) {
            words.add(s.name());
        }
        // A command registered without a page (HelpTest fails until it has one) still gets kubectl's
        // layout from its table entry rather than no help at all.
        HelpPage page = HelpPage.load(words).orElseGet(() -> new HelpPage(spec.summary() + ".", List.of(), List.of(),
                Optional.of(Map.of()), String.join(" ", prepend("kubectl", words)) + " [options]"));
        boolean root = path.size() == 1;
        StringBuilder sb = new StringBuilder(page.description()).append("\n\n");
        if (!root && !spec.aliases().isEmpty()) {
            sb.append("Aliases:\n").append(String.join(", ", prepend(spec.name(), spec.aliases()))).append("\n\n");
        }
        if (!page.examples().isEmpty()) {
            sb.append("Examples:\n");
            // kubectl indents every example line by two spaces, the empty ones too.
            page.examples().forEach(line -> sb.append("  ").append(line).append('\n'));
            sb.append('\n');
        }
        String commands = commands(page.commands(), spec);
        if (!commands.isEmpty()) {
            sb.append(commands).append("\n\n");
        }
        page.flags().ifPresent(descriptions -> options(sb, spec.flags(), descriptions));
        sb.append("Usage:\n  ").append(page.usage()).append("\n\n");
        if (!commands.isEmpty()) {
            sb.append("Use \"").append(String.join(" ", prepend("kubectl", words)))
                    .append(" <command> --help\" for more information about a given command.\n");
        }
        return sb.append("Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n")
                .toString();
    }

    /** kubectl's rows of subcommands, keeping those kubetutor has and the groups left with any. */
    private static String commands(List<String> lines, CommandSpec spec) {
        List<String> groups = new ArrayList<>();
        StringBuilder group = null;
        boolean hadRows = false;
        boolean keptRows = false;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                if (group != null && (keptRows || !hadRows)) {
                    groups.add(group.toString());
                }
                group = new StringBuilder(line);
                hadRows = false;
                keptRows = false;
                continue;
            }
            hadRows = true;
            String name = line.trim().split(" ", 2)[0];
            if (spec.subcommand(name).isPresent()) {
                keptRows = true;
                group.append('\n').append(line);
            }
        }
        // A group kubectl prints empty ("Subcommands provided by plugins:") stays; one emptied here goes.
        if (group != null && (keptRows || !hadRows)) {
            groups.add(group.toString());
        }
        return String.join("\n\n", groups);
    }

    /** {@code kubectl options}: the global flags kubetutor takes, listed as every page's Options are. */
    public static String globalOptions(List<FlagSpec> globals) {
        HelpPage page = HelpPage.load(List.of("options")).orElseThrow();
        StringBuilder sb = new StringBuilder(page.description()).append("\n\n");
        flagRows(sb, globals, page.flags().orElse(Map.of()));
        return sb.toString();
    }

    /** pflag's listing: sorted by long name, the default after "=", the description on the next line. */
    private static void options(StringBuilder sb, List<FlagSpec> flags, Map<String, String> descriptions) {
        if (flags.stream().noneMatch(FlagSpec::listed)) {
            return;
        }
        sb.append("Options:\n");
        flagRows(sb, flags, descriptions);
    }

    private static void flagRows(StringBuilder sb, List<FlagSpec> flags, Map<String, String> descriptions) {
        List<FlagSpec> sorted = new ArrayList<>(flags.stream().filter(FlagSpec::listed).toList());
        sorted.sort(Comparator.comparing(FlagSpec::name));
        for (FlagSpec f : sorted) {
            sb.append("    ");
            if (f.shorthand() != null) {
                sb.append('-').append(f.shorthand()).append(", ");
            }
            sb.append("--").append(f.name()).append('=').append(shownDefault(f)).append(":\n\t")
                    .append(descriptions.getOrDefault(f.name(), f.usage())).append("\n\n");
        }
    }

    /**
     * The default as pflag prints it: quoted for string flags only. Booleans, durations and lists
     * ("[]") are bare, and so are numbers, which kubetutor's table marks by a numeric default (as
     * the flag parser does).
     */
    static String shownDefault(FlagSpec f) {
        String def = f.defaultValue() == null ? "" : f.defaultValue();
        if (f.value() == ValueKind.DURATION && !def.matches(".*[a-z]")) {
            return "'" + def + "'"; // --request-timeout: a string flag in kubectl that also takes "30s"
        }
        if (!f.takesValue() || f.repeatable() || f.value() == ValueKind.DURATION || def.matches("-?\\d+")) {
            return def;
        }
        return "'" + def + "'";
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** cobra's unknown-command error, with suggestions within Levenshtein distance 2 or by prefix. */
    public static String unknownCommand(String word, String parent, Collection<String> known) {
        List<String> suggestions = suggest(word, known);
        StringBuilder sb = new StringBuilder("Error: unknown command \"" + word + "\" for \"" + parent + "\"");
        if (!suggestions.isEmpty()) {
            sb.append("\n\nDid you mean this?\n");
            // cobra ends the suggestions with an empty line.
            for (String s : suggestions) {
                sb.append('\t').append(s).append('\n');
            }
        }
        return sb.toString();
    }

    public static List<String> suggest(String word, Collection<String> known) {
        List<String> out = new ArrayList<>();
        for (String k : known) {
            if (levenshtein(word.toLowerCase(), k.toLowerCase()) <= 2 || k.startsWith(word) && !word.isEmpty()) {
                if (!out.contains(k)) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
