package kubetutor.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.ResourceType;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.session.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A minimal completer over the session's command table, until the engine's Completer is merged:
 * command names, kubectl verbs, flags, resource types, and the names of live objects.
 */
final class CommandTableCompletions implements Completions {
    private static final List<String> OUTPUT_FORMATS = List.of("json", "yaml", "wide", "name", "custom-columns=", "jsonpath=");

    private final Session session;

    CommandTableCompletions(Session session) {
        this.session = session;
    }

    @Override
    public Result complete(String code, int cursor) {
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String line = code.substring(lineStart, cursor);
        int wordStart = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t')) + 1;
        String prefix = line.substring(wordStart);
        List<String> before = words(line.substring(0, wordStart));
        List<String> candidates = candidates(before, prefix);
        Set<String> matches = new LinkedHashSet<>();
        for (String c : candidates) {
            if (c.startsWith(prefix)) {
                matches.add(c);
            }
        }
        return new Result(List.copyOf(matches), lineStart + wordStart, cursor);
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private List<String> candidates(List<String> before, String prefix) {
        List<CommandSpec> table = session.commands();
        if (before.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (CommandSpec c : table) {
                names.add(c.name());
                names.addAll(c.aliases());
            }
            return names;
        }
        Optional<CommandSpec> top = table.stream()
                .filter(c -> c.name().equals(before.get(0)) || c.aliases().contains(before.get(0))).findFirst();
        if (top.isEmpty()) {
            return List.of();
        }
        CommandSpec cmd = top.get();
        List<FlagSpec> flags = new ArrayList<>(cmd.flags());
        List<String> positional = new ArrayList<>();
        ValueKind pendingValue = null;
        for (int i = 1; i < before.size(); i++) {
            String w = before.get(i);
            if (pendingValue != null) {
                pendingValue = null;
                continue;
            }
            if (w.startsWith("-")) {
                FlagSpec f = flag(flags, w);
                if (f != null && f.takesValue() && !w.contains("=")) {
                    pendingValue = f.value();
                }
                continue;
            }
            Optional<CommandSpec> sub = positional.isEmpty() ? cmd.subcommand(w) : Optional.empty();
            if (sub.isPresent()) {
                List<FlagSpec> inherited = flags;
                cmd = sub.get();
                flags = cmd.allFlags(inherited);
                continue;
            }
            positional.add(w);
        }
        if (pendingValue != null) {
            return values(pendingValue, positional, before);
        }
        if (prefix.startsWith("-")) {
            List<String> names = new ArrayList<>();
            for (FlagSpec f : flags) {
                names.add("--" + f.name());
                if (f.shorthand() != null && !f.shorthand().isEmpty() && f.shorthand().length() == 1) {
                    names.add("-" + f.shorthand());
                }
            }
            return names;
        }
        List<String> out = new ArrayList<>();
        if (positional.isEmpty()) {
            for (CommandSpec s : cmd.subcommands()) {
                out.add(s.name());
            }
        }
        if (!cmd.args().isEmpty()) {
            ValueKind kind = cmd.args().get(Math.min(positional.size(), cmd.args().size() - 1));
            out.addAll(values(kind, positional, before));
        }
        return out;
    }

    private static FlagSpec flag(List<FlagSpec> flags, String word) {
        String name = word.startsWith("--") ? word.substring(2) : word.substring(1);
        int eq = name.indexOf('=');
        if (eq >= 0) {
            name = name.substring(0, eq);
        }
        for (FlagSpec f : flags) {
            if (word.startsWith("--") ? f.name().equals(name) : name.equals(f.shorthand())) {
                return f;
            }
        }
        return null;
    }

    private List<String> values(ValueKind kind, List<String> positional, List<String> line) {
        return switch (kind) {
            case RESOURCE_TYPE -> resourceTypeWords();
            case OBJECT_NAME -> positional.isEmpty() ? List.of() : ResourceTypes.find(positional.get(0))
                    .map(t -> names(t, namespaceOf(line))).orElse(List.of());
            case POD -> names(ResourceTypes.POD, namespaceOf(line));
            case NODE -> names(ResourceTypes.NODE, null);
            case NAMESPACE -> names(ResourceTypes.NAMESPACE, null);
            case CONTEXT -> new ArrayList<>(session.kubeconfig().contexts().keySet());
            case OUTPUT_FORMAT -> OUTPUT_FORMATS;
            case FILE -> files();
            default -> List.of();
        };
    }

    private static List<String> resourceTypeWords() {
        List<String> out = new ArrayList<>();
        for (ResourceType t : ResourceTypes.ALL_TYPES) {
            out.add(t.plural());
            out.add(t.singular());
            out.addAll(t.shortNames());
        }
        return out;
    }

    private String namespaceOf(List<String> line) {
        for (int i = 0; i < line.size(); i++) {
            String w = line.get(i);
            if ((w.equals("-n") || w.equals("--namespace")) && i + 1 < line.size()) {
                return line.get(i + 1);
            }
            if (w.startsWith("--namespace=")) {
                return w.substring("--namespace=".length());
            }
            if (w.equals("-A") || w.equals("--all-namespaces")) {
                return null;
            }
        }
        return session.namespace();
    }

    private List<String> names(ResourceType type, String namespace) {
        List<String> out = new ArrayList<>();
        for (JsonNode o : session.cluster().store().list(type, namespace)) {
            out.add(o.path("metadata").path("name").asText());
        }
        return out;
    }

    private List<String> files() {
        try (Stream<java.nio.file.Path> s = Files.list(session.workDir())) {
            return s.map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : ""))
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
