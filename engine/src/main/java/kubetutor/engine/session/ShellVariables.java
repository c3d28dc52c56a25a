package kubetutor.engine.session;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The session shell's variables: what {@code NAME=value} and {@code export} set and {@code $NAME}
 * reads. HOME is the tutor's home, never the host's. kubectl sees the exported ones as its
 * environment (KUBECONFIG); {@code export -p} lists them.
 */
final class ShellVariables {
    private final Map<String, String> values = new TreeMap<>();
    private final Map<String, Boolean> exported = new TreeMap<>();

    ShellVariables() {
        values.put("HOME", TutorHome.HOME);
        exported.put("HOME", true);
    }

    String get(String name) {
        return values.getOrDefault(name, "");
    }

    /** What a program started now finds in its environment under {@code name}: set and exported, or nothing. */
    Optional<String> environment(String name) {
        return exported.getOrDefault(name, false) && values.containsKey(name) ? Optional.of(values.get(name)) : Optional.empty();
    }

    /**
     * The environment of a program started now: the exported variables, and the NAME=value words
     * typed before its name, which bash puts in that program's environment alone.
     */
    Map<String, String> environment(Map<String, String> prefix) {
        Map<String, String> env = new TreeMap<>();
        exported.forEach((name, on) -> {
            if (on && values.containsKey(name)) {
                env.put(name, values.get(name));
            }
        });
        env.putAll(prefix);
        return env;
    }

    /** The entries of {@code env} named {@code names}. */
    static Map<String, String> only(Map<String, String> env, String... names) {
        Map<String, String> some = new TreeMap<>();
        for (String n : names) {
            if (env.containsKey(n)) {
                some.put(n, env.get(n));
            }
        }
        return some;
    }

    /** NAME=value (the word as typed, expanded). */
    void assign(String word) {
        int eq = word.indexOf('=');
        values.put(word.substring(0, eq), word.substring(eq + 1));
    }

    /** Every variable, for the text tools' environment (they run in the same shell, so they see all). */
    Map<String, String> all() {
        return Map.copyOf(values);
    }

    void export(String name) {
        exported.put(name, true);
    }

    /** What {@code export -p} prints: busybox ash's form, one "export NAME='value'" a line, sorted. */
    String exports() {
        StringBuilder sb = new StringBuilder();
        exported.keySet().forEach(n -> {
            sb.append("export ").append(n);
            if (values.containsKey(n)) {
                sb.append("='").append(values.get(n).replace("'", "'\"'\"'")).append('\'');
            }
            sb.append('\n');
        });
        return sb.toString();
    }
}
