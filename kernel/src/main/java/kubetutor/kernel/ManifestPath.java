package kubetutor.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code kubectl explain} path of the YAML key on a line of a manifest, read from indentation
 * alone (the manifest being typed rarely parses): {@code livenessProbe} under {@code containers}
 * under {@code spec} of a Pod is {@code pod.spec.containers.livenessProbe}. List items ("- name:")
 * count at the column of their key, so both "containers:\n- name" and "containers:\n  - name" work.
 */
final class ManifestPath {
    /** Optional list dashes, then a plain or quoted key and its colon. */
    private static final Pattern KEY = Pattern.compile("^(\\s*(?:-\\s+)*)([\"']?)([A-Za-z0-9_./-]+)\\2\\s*:(\\s|$)");
    private static final Pattern KIND = Pattern.compile("^kind:\\s*[\"']?([A-Za-z0-9]+)");

    private ManifestPath() {}

    /**
     * The explain path for line {@code index} of {@code lines[from, to)} (one YAML document): the kind
     * in lower case, then the keys from the top down to this line's own. Empty without a key or kind.
     */
    static Optional<String> at(List<String> lines, int from, int to, int index) {
        Key key = key(lines.get(index));
        if (key == null) {
            return Optional.empty();
        }
        String kind = null;
        for (int i = from; i < to; i++) {
            Matcher m = KIND.matcher(lines.get(i));
            if (m.find()) {
                kind = m.group(1);
                break;
            }
        }
        if (kind == null) {
            return Optional.empty();
        }
        List<String> path = new ArrayList<>();
        path.add(key.name);
        int want = key.column;
        for (int i = index - 1; i >= from && want > 0; i--) {
            Key parent = key(lines.get(i));
            if (parent != null && parent.column < want) {
                path.add(parent.name);
                want = parent.column;
            }
        }
        if (want > 0) {
            return Optional.empty(); // an indented first line: not a manifest we can read
        }
        Collections.reverse(path);
        // "kind" and "apiVersion" are fields of the kind like any other: pod.kind, pod.apiVersion.
        return Optional.of(kind.toLowerCase(java.util.Locale.ROOT) + "." + String.join(".", path));
    }

    /** The kind named on the line, when the line is {@code kind: X}. */
    static Optional<String> kindOn(String line) {
        Matcher m = KIND.matcher(line);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The bounds {@code [from, to)} of the YAML document around line {@code index}, "---" lines separating documents. */
    static int[] document(List<String> lines, int start, int end, int index) {
        int from = start;
        for (int i = index; i >= start; i--) {
            if (isSeparator(lines.get(i))) {
                from = i + 1;
                break;
            }
        }
        int to = end;
        for (int i = index + 1; i < end; i++) {
            if (isSeparator(lines.get(i))) {
                to = i;
                break;
            }
        }
        return new int[] {from, to};
    }

    private static boolean isSeparator(String line) {
        return line.equals("---") || line.startsWith("--- ");
    }

    private static Key key(String line) {
        if (line.isBlank() || line.strip().startsWith("#")) {
            return null;
        }
        Matcher m = KEY.matcher(line);
        if (!m.find()) {
            return null;
        }
        return new Key(m.group(3), m.group(1).length());
    }

    private record Key(String name, int column) {}
}
