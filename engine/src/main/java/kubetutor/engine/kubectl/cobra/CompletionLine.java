package kubetutor.engine.kubectl.cobra;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.kubectl.GlobalFlags;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The words of a "__complete" request as cobra reads them: the command they reach (cobra's Find
 * descends while the first word that is not a flag names a subcommand), the flags set, the
 * positional arguments, and whether the word being completed is a flag's value
 * (checkIfFlagCompletion: "--output=y", or "-n" before it).
 *
 * @param path       the commands from kubectl's verb down ("rollout", "status"); empty at the root
 * @param spec       the command reached
 * @param args       its positional arguments before the word being completed
 * @param set        the flags given (long names) with their last value
 * @param flag       the flag whose value is being completed, if any
 * @param toComplete the word being completed (a flag's value without "--flag=")
 */
record CompletionLine(List<String> path, CommandSpec spec, List<String> args, Map<String, String> set, FlagSpec flag,
                      String toComplete) {

    static CompletionLine read(CommandSpec root, List<String> words) {
        List<String> before = words.subList(0, words.size() - 1);
        String toComplete = words.get(words.size() - 1);
        CommandSpec spec = root;
        List<String> path = new ArrayList<>();
        List<String> rest = new ArrayList<>(before);
        while (true) {
            Optional<Integer> first = firstNonFlag(rest, flags(spec));
            if (first.isEmpty()) {
                break;
            }
            Optional<CommandSpec> sub = spec.subcommand(rest.get(first.get()));
            if (sub.isEmpty()) {
                break;
            }
            rest.remove((int) first.get());
            spec = sub.get();
            path.add(spec.name());
        }
        List<FlagSpec> flags = flags(spec);
        FlagSpec pending = null;
        if (toComplete.startsWith("-") && toComplete.contains("=")) {
            pending = lookup(flags, toComplete.substring(0, toComplete.indexOf('='))).orElse(null);
            toComplete = toComplete.substring(toComplete.indexOf('=') + 1);
        } else if (!toComplete.startsWith("-") && !rest.isEmpty()) {
            String last = rest.get(rest.size() - 1);
            Optional<FlagSpec> f = last.startsWith("-") && !last.contains("=") ? lookup(flags, last) : Optional.empty();
            if (f.isPresent() && f.get().takesValue() && f.get().noOptDefault() == null) {
                pending = f.get();
                rest.remove(rest.size() - 1);
            }
        }
        Map<String, String> set = new TreeMap<>();
        List<String> args = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String w = rest.get(i);
            if (w.equals("--")) {
                args.addAll(rest.subList(i + 1, rest.size()));
                break;
            }
            Optional<FlagSpec> f = w.startsWith("-") && w.length() > 1 ? lookup(flags, w.contains("=") ? w.substring(0, w.indexOf('=')) : w)
                    : Optional.empty();
            if (f.isEmpty()) {
                if (!w.startsWith("-")) {
                    args.add(w);
                }
                continue;
            }
            String value = "true";
            if (w.contains("=")) {
                value = w.substring(w.indexOf('=') + 1);
            } else if (f.get().takesValue() && f.get().noOptDefault() == null && i + 1 < rest.size()) {
                value = rest.get(++i);
            }
            set.put(f.get().name(), value);
        }
        return new CompletionLine(List.copyOf(path), spec, List.copyOf(args), set, pending, toComplete);
    }

    /** The command's own flags and kubectl's global ones. */
    static List<FlagSpec> flags(CommandSpec spec) {
        return spec.name().equals("kubectl") ? GlobalFlags.ALL : spec.allFlags(GlobalFlags.ALL);
    }

    /** Flags that are not the command's own: kubectl's global ones, which every command inherits. */
    List<FlagSpec> inherited() {
        if (path.isEmpty()) {
            return List.of();
        }
        Set<String> own = new LinkedHashSet<>();
        spec.flags().forEach(f -> own.add(f.name()));
        return GlobalFlags.ALL.stream().filter(f -> !own.contains(f.name())).toList();
    }

    /** The command's own flags (at the root, the global ones are its own). */
    List<FlagSpec> local() {
        return path.isEmpty() ? GlobalFlags.ALL : spec.flags();
    }

    /** "get pods", "rollout status": the command reached, as the tables here name it. */
    String command() {
        return String.join(" ", path);
    }

    /** The namespace a name completion lists: -n on the line, else the context's (null: the context's). */
    String namespace() {
        return set.get("namespace");
    }

    private static Optional<Integer> firstNonFlag(List<String> words, List<FlagSpec> flags) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--")) {
                return Optional.empty();
            }
            if (!w.startsWith("-") || w.equals("-")) {
                return Optional.of(i);
            }
            Optional<FlagSpec> f = w.contains("=") ? Optional.empty() : lookup(flags, w);
            if (f.isPresent() && f.get().takesValue() && f.get().noOptDefault() == null) {
                i++; // its value
            }
        }
        return Optional.empty();
    }

    /** "--output" or "-o" (pflag's shorthand) in {@code flags}. */
    static Optional<FlagSpec> lookup(List<FlagSpec> flags, String word) {
        boolean shorthand = !word.startsWith("--");
        String name = word.replaceFirst("^--?", "");
        for (FlagSpec f : flags) {
            if (shorthand ? name.equals(f.shorthand()) : name.equals(f.name())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
