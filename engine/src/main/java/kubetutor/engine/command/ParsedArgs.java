package kubetutor.engine.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A command line after flag parsing: flag values by long name, positional arguments, and what follows "--". */
public final class ParsedArgs {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, FlagSpec> specs = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final List<String> afterDash = new ArrayList<>();
    /** Every flag as typed, in order, in pflag's " --name=value" form: what --record writes. */
    private final List<String> typedFlags = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** kubectl's verb as typed ("create"), the first of the arguments --record writes. */
    private final String verb;
    private boolean sawDash;

    public ParsedArgs() {
        this("");
    }

    ParsedArgs(String verb) {
        this.verb = verb;
    }

    void set(FlagSpec spec, String value) {
        specs.put(spec.name(), spec);
        List<String> list = values.computeIfAbsent(spec.name(), k -> new ArrayList<>());
        if (!spec.repeatable()) {
            list.clear();
        }
        if (spec.repeatable() && value.contains(",") && spec.value() != ValueKind.FILE && spec.value() != ValueKind.KEY_VALUE) {
            list.addAll(List.of(value.split(",")));
        } else {
            list.add(value);
        }
    }

    void typed(FlagSpec spec, String raw) {
        typedFlags.add(" --" + spec.name() + "=" + raw);
    }

    void warn(String line) {
        warnings.add(line);
    }

    void positional(String arg) {
        positional.add(arg);
    }

    void dash(String arg) {
        afterDash.add(arg);
    }

    void sawDash() {
        sawDash = true;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String get(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    public String get(String name, String def) {
        String v = get(name);
        return v == null ? def : v;
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public boolean bool(String name) {
        String v = get(name);
        return v != null && v.equals("true");
    }

    public List<String> positional() {
        return positional;
    }

    public List<String> afterDash() {
        return afterDash;
    }

    public boolean hasDash() {
        return sawDash;
    }

    /** The flags that were set, in order, with their values. */
    public Map<String, List<String>> setFlags() {
        return values;
    }

    /** What the parse has to say on standard error before the command runs (deprecated flags). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The command line as kubectl's --record writes it into kubernetes.io/change-cause
     * (record_flags.go parseCommandArguments): "kubectl", the verb and the other arguments in order,
     * then every flag as typed under its long name, {@code --name=value}, in the order given.
     */
    public String changeCause() {
        StringBuilder sb = new StringBuilder("kubectl");
        List<String> args = new ArrayList<>();
        if (!verb.isEmpty()) {
            args.add(verb);
        }
        args.addAll(positional);
        args.addAll(afterDash);
        args.forEach(a -> sb.append(' ').append(a));
        typedFlags.forEach(sb::append);
        return sb.toString();
    }
}
