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
    private boolean sawDash;

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

    /** The flags that were set, in order, with their values (what --record writes into change-cause). */
    public Map<String, List<String>> setFlags() {
        return values;
    }
}
