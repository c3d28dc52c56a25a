package kubetutor.engine.complete;

import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.ValueKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A typed line read against the command table: which command and subcommand it names, what each
 * word is (flag, flag value, resource type, object name...), and the flags and arguments seen so
 * far. Completion asks it what the next word may be; highlighting asks it what each word is.
 */
public final class CommandLine {

    /** What a word is, for colouring. */
    public enum Role { COMMAND, UNKNOWN_COMMAND, SUBCOMMAND, RESOURCE, NAME, ARGUMENT, FLAG, UNKNOWN_FLAG, FLAG_VALUE, OPERATOR }

    public record Token(LineWord word, Role role) {}

    private final List<Token> tokens = new ArrayList<>();
    private final List<FlagSpec> flags = new ArrayList<>();
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    private CommandSpec root;
    private CommandSpec spec;
    private FlagSpec pendingFlag;
    private boolean pendingRedirect;
    private boolean afterHeredoc;
    private boolean onlyPositionals;

    private CommandLine() {}

    /** Walks the words (all of them complete) against the commands. */
    public static CommandLine walk(List<CommandSpec> commands, List<LineWord> words) {
        CommandLine line = new CommandLine();
        for (LineWord w : words) {
            line.accept(commands, w);
        }
        return line;
    }

    private void accept(List<CommandSpec> commands, LineWord w) {
        String text = w.text();
        if (tokens.isEmpty()) {
            root = find(commands, text).orElse(null);
            spec = root;
            if (root != null) {
                flags.addAll(root.flags());
            }
            tokens.add(new Token(w, root == null ? Role.UNKNOWN_COMMAND : Role.COMMAND));
            return;
        }
        if (afterHeredoc) {
            tokens.add(new Token(w, Role.OPERATOR));
            afterHeredoc = false;
        } else if (pendingRedirect) {
            tokens.add(new Token(w, Role.ARGUMENT));
            pendingRedirect = false;
        } else if (pendingFlag != null) {
            values.put(pendingFlag.name(), text);
            tokens.add(new Token(w, Role.FLAG_VALUE));
            pendingFlag = null;
        } else if (text.startsWith("<<")) {
            tokens.add(new Token(w, Role.OPERATOR));
            afterHeredoc = text.equals("<<") || text.equals("<<-");
        } else if (text.startsWith(">")) {
            tokens.add(new Token(w, Role.OPERATOR));
            pendingRedirect = text.equals(">") || text.equals(">>");
        } else if (root == null) {
            tokens.add(new Token(w, Role.ARGUMENT));
        } else if (!onlyPositionals && text.startsWith("-") && text.length() > 1) {
            flag(w);
        } else {
            positional(w);
        }
    }

    private void flag(LineWord w) {
        String text = w.text();
        if (text.equals("--")) {
            onlyPositionals = true;
            tokens.add(new Token(w, Role.FLAG));
            return;
        }
        Optional<FlagSpec> f;
        String attached = null;
        if (text.startsWith("--")) {
            int eq = text.indexOf('=');
            f = flag(eq < 0 ? text.substring(2) : text.substring(2, eq));
            attached = eq < 0 ? null : text.substring(eq + 1);
        } else {
            f = shorthand(text.substring(1, 2));
            if (text.length() > 2) {
                attached = text.charAt(2) == '=' ? text.substring(3) : text.substring(2);
            }
        }
        if (f.isEmpty()) {
            tokens.add(new Token(w, Role.UNKNOWN_FLAG));
            return;
        }
        FlagSpec flag = f.get();
        used.add(flag.name());
        tokens.add(new Token(w, Role.FLAG));
        if (flag.takesValue()) {
            if (attached == null) {
                pendingFlag = flag;
            } else {
                values.put(flag.name(), attached);
            }
        }
    }

    private void positional(LineWord w) {
        String text = w.text();
        if (positionals.isEmpty() && !spec.subcommands().isEmpty()) {
            Optional<CommandSpec> sub = spec.subcommand(text);
            if (sub.isPresent()) {
                spec = sub.get();
                flags.addAll(0, spec.flags());
                tokens.add(new Token(w, Role.SUBCOMMAND));
                return;
            }
            if (spec.args().isEmpty()) {
                tokens.add(new Token(w, Role.UNKNOWN_COMMAND));
                return;
            }
        }
        ValueKind kind = argKind(positionals.size());
        positionals.add(text);
        Role role;
        if (kind == ValueKind.RESOURCE_TYPE || text.contains("/") && kind == ValueKind.OBJECT_NAME) {
            role = Role.RESOURCE;
        } else if (kind == ValueKind.OBJECT_NAME || kind == ValueKind.POD || kind == ValueKind.NODE || kind == ValueKind.NAMESPACE) {
            role = Role.NAME;
        } else {
            role = Role.ARGUMENT;
        }
        tokens.add(new Token(w, role));
    }

    private static Optional<CommandSpec> find(List<CommandSpec> commands, String word) {
        for (CommandSpec c : commands) {
            if (c.name().equals(word) || c.aliases().contains(word)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The flag in scope with this long name. */
    public Optional<FlagSpec> flag(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private Optional<FlagSpec> shorthand(String letter) {
        return flags.stream().filter(f -> letter.equals(f.shorthand())).findFirst();
    }

    /** What the positional argument at {@code index} is; the spec's last kind repeats. */
    public ValueKind argKind(int index) {
        if (spec == null || spec.args().isEmpty()) {
            return ValueKind.NONE;
        }
        return spec.args().get(Math.min(index, spec.args().size() - 1));
    }

    public List<Token> tokens() {
        return tokens;
    }

    /** The command the line starts with, or null when it names none. */
    public CommandSpec root() {
        return root;
    }

    /** The deepest subcommand named so far (the root when there is none). */
    public CommandSpec spec() {
        return spec;
    }

    /** Flags in scope: the subcommand's own first, then the ones it inherits. */
    public List<FlagSpec> flags() {
        return flags;
    }

    public List<String> positionals() {
        return positionals;
    }

    /** The value given to a flag on the line (by long name), or null. */
    public String value(String flagName) {
        return values.get(flagName);
    }

    /** Whether a flag (by long name) appears on the line. */
    public boolean uses(String flagName) {
        return used.contains(flagName);
    }

    /** The flag whose value the next word is, or null. */
    public FlagSpec pendingFlag() {
        return pendingFlag;
    }

    /** True when the next word is the file of a {@code >} redirect. */
    public boolean pendingRedirect() {
        return pendingRedirect;
    }

    /** True when the next word is a here-document's delimiter. */
    public boolean pendingHeredoc() {
        return afterHeredoc;
    }
}
