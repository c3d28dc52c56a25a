package kubetutor.engine.image;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tags a repository has in its registry. images.yaml writes runs of releases with a brace range
 * ("1.25.{0..5}" is 1.25.0 to 1.25.5), and the variants every tag also comes in ("alpine": so
 * 1.25.3-alpine exists too). "*" stands for any tag, for repositories whose tags nobody checks.
 */
public record Tags(Set<String> names, List<String> variants) {

    static Tags of(List<String> written, List<String> variants) {
        Set<String> names = new LinkedHashSet<>();
        for (String w : written) {
            names.addAll(expand(w));
        }
        return new Tags(Set.copyOf(names), List.copyOf(variants));
    }

    public boolean has(String tag) {
        if (names.contains("*") || names.contains(tag)) {
            return true;
        }
        for (String v : variants) {
            String suffix = "-" + v;
            if (tag.endsWith(suffix) && names.contains(tag.substring(0, tag.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> expand(String written) {
        int open = written.indexOf('{');
        if (open < 0) {
            return List.of(written);
        }
        int close = written.indexOf('}', open);
        String[] range = written.substring(open + 1, close).split("\\.\\.");
        String before = written.substring(0, open);
        String after = written.substring(close + 1);
        return java.util.stream.IntStream.rangeClosed(Integer.parseInt(range[0]), Integer.parseInt(range[1]))
                .mapToObj(i -> before + i + after).toList();
    }
}
