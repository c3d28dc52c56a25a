package kubetutor.engine.kubectl;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** kubectl's help texts and its "Did you mean this?" for unknown commands (cobra's Levenshtein rule). */
public final class Help {
    private Help() {}

    public static String kubectlOverview(CommandSpec kubectl) {
        StringBuilder sb = new StringBuilder("kubectl controls the Kubernetes cluster manager.\n\n");
        sb.append("Commands in kubetutor's simulated cluster:\n");
        for (CommandSpec s : kubectl.subcommands()) {
            sb.append(String.format("  %-15s %s%n", s.name(), s.summary()));
        }
        sb.append("\nUsage:\n  kubectl [flags] [options]\n\n")
                .append("Use \"kubectl <command> --help\" for more information about a given command.\n");
        return sb.toString();
    }

    public static String verb(CommandSpec spec) {
        StringBuilder sb = new StringBuilder(spec.summary()).append(".\n\nOptions:\n");
        for (FlagSpec f : spec.flags()) {
            String name = (f.shorthand() != null ? "-" + f.shorthand() + ", " : "    ") + "--" + f.name();
            if (f.takesValue()) {
                name += "=" + (f.defaultValue() == null ? "''" : "'" + f.defaultValue() + "'");
            } else {
                name += "=false";
            }
            sb.append("    ").append(name).append(":\n\t").append(f.usage()).append("\n\n");
        }
        sb.append("Usage:\n  kubectl ").append(spec.name()).append(" [options]\n\n")
                .append("Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n");
        return sb.toString();
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
