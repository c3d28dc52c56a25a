package kubetutor.engine.complete;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.session.Session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completion from the command table, for the shell (TAB) and the kernel (complete_request) alike:
 * command names, subcommands, flags and their values, resource types, and the names of the objects
 * that live in the cluster right now. Pure: it reads the session, never changes it.
 */
public final class Completer {
    private final Session session;
    private final List<CommandSpec> frontEndCommands;

    public Completer(Session session) {
        this(session, List.of());
    }

    /** @param frontEndCommands commands a front end adds to the session's own (the shell's exit and edit) */
    public Completer(Session session, List<CommandSpec> frontEndCommands) {
        this.session = session;
        this.frontEndCommands = List.copyOf(frontEndCommands);
    }

    /** The commands this completer knows: the session's table, then the front end's. */
    public List<CommandSpec> commands() {
        List<CommandSpec> all = new ArrayList<>(session.commands());
        all.addAll(frontEndCommands);
        return all;
    }

    /** Candidates for the word that ends at {@code cursor} in {@code text} (text may hold several lines). */
    public Completion complete(String text, int cursor) {
        String upTo = text.substring(0, cursor);
        int lineStart = upTo.lastIndexOf('\n') + 1;
        String line = upTo.substring(lineStart);
        List<LineWord> words = new ArrayList<>(LineWord.split(line));
        LineWord current;
        int afterLast = words.isEmpty() ? 0 : words.get(words.size() - 1).end();
        if (!words.isEmpty() && afterLast == line.length() && !endsWithBlank(line)) {
            current = words.remove(words.size() - 1);
        } else if (!line.substring(afterLast).isBlank()) {
            return new Completion(cursor, List.of()); // in a comment
        } else {
            current = new LineWord("", line.length(), line.length());
        }
        int start = lineStart + current.start();
        List<Candidate> found = candidates(words, current.text());
        List<Candidate> matching = new ArrayList<>();
        Map<String, Candidate> unique = new LinkedHashMap<>();
        for (Candidate c : found) {
            if (c.value().startsWith(current.text())) {
                unique.putIfAbsent(c.value(), c);
            }
        }
        matching.addAll(unique.values());
        matching.sort(Comparator.comparing(Candidate::value));
        return new Completion(start, matching);
    }

    private static boolean endsWithBlank(String line) {
        if (line.isEmpty() || !Character.isWhitespace(line.charAt(line.length() - 1))) {
            return false;
        }
        // An escaped blank ("my\ file") belongs to the word.
        int backslashes = 0;
        for (int i = line.length() - 2; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 0;
    }

    private List<Candidate> candidates(List<LineWord> before, String word) {
        List<CommandSpec> commands = commands();
        if (before.isEmpty()) {
            List<Candidate> out = new ArrayList<>();
            for (CommandSpec c : commands) {
                out.add(new Candidate(c.name(), c.summary(), true));
                c.aliases().forEach(a -> out.add(new Candidate(a, c.summary(), true)));
            }
            return out;
        }
        CommandLine line = CommandLine.walk(commands, before);
        Values values = new Values(session, line);
        if (line.pendingHeredoc() || line.root() == null) {
            return List.of();
        }
        if (line.pendingRedirect()) {
            return values.of(ValueKind.FILE, word);
        }
        if (line.pendingFlag() != null) {
            return values.forFlag(line.pendingFlag(), word);
        }
        if (word.startsWith("--") && word.contains("=")) {
            String name = word.substring(2, word.indexOf('='));
            return line.flag(name).map(f -> prefixed("--" + name + "=", values.forFlag(f, word.substring(name.length() + 3))))
                    .orElse(List.of());
        }
        if (word.startsWith("-")) {
            return flags(line);
        }
        CommandSpec spec = line.spec();
        if (line.positionals().isEmpty() && !spec.subcommands().isEmpty()) {
            List<Candidate> out = new ArrayList<>();
            for (CommandSpec s : spec.subcommands()) {
                out.add(new Candidate(s.name(), s.summary(), true));
            }
            return out;
        }
        ValueKind kind = line.argKind(line.positionals().size());
        if (word.contains("/") && (kind == ValueKind.RESOURCE_TYPE || kind == ValueKind.OBJECT_NAME)) {
            return values.typeSlashName(word);
        }
        return values.of(kind, word);
    }

    private static List<Candidate> flags(CommandLine line) {
        List<Candidate> out = new ArrayList<>();
        for (FlagSpec f : line.flags()) {
            if (line.uses(f.name()) && !f.repeatable() || !f.listed()) {
                continue;
            }
            // One-letter flags (ls -l, kubectl -v) have no long form.
            out.add(new Candidate((f.name().length() == 1 ? "-" : "--") + f.name(), f.usage(), true));
            if (f.shorthand() != null && !f.shorthand().equals(f.name())) {
                out.add(new Candidate("-" + f.shorthand(), f.usage(), true));
            }
        }
        return out;
    }

    private static List<Candidate> prefixed(String prefix, List<Candidate> values) {
        return values.stream().map(c -> new Candidate(prefix + c.value(), c.description(), c.complete())).toList();
    }
}
