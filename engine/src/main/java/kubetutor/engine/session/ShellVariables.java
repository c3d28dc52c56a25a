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
