package kubetutor.engine.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Snapshots as someone else might hand them over: a real one, then damaged (lines lost, doubled,
 * swapped, cut off, values replaced by hostile ones) or given a journal step of its own (any command
 * line the fuzzer makes, or a time far away).
 */
final class Snapshots {
    private Snapshots() {}

    static Arbitrary<String> mutationsOf(String snapshot, Arbitrary<String> commandLines) {
        List<String> lines = Arrays.asList(snapshot.split("\n", -1));
        Arbitrary<String> damaged = Arbitraries.longs().map(seed -> damage(lines, new Random(seed)));
        Arbitrary<String> withStep = Combinators.combine(commandLines, Arbitraries.integers().between(0, lines.size()))
                .as((c, at) -> insert(lines, "- run: " + yamlQuote(c), at));
        Arbitrary<String> farAway = Arbitraries.of("- clock: 9999-01-01T00:00:00Z", "- clock: 1970-01-01T00:00:00Z",
                "- run: sleep 100000d", "- type: x=a; while :; do x=$x$x; done", "- run: load snap.yaml")
                .flatMap(step -> Arbitraries.integers().between(0, lines.size()).map(at -> insert(lines, step, at)));
        return Arbitraries.oneOf(damaged, withStep, farAway);
    }

    private static String damage(List<String> original, Random r) {
        List<String> lines = new ArrayList<>(original);
        for (int n = 1 + r.nextInt(3); n > 0 && !lines.isEmpty(); n--) {
            int i = r.nextInt(lines.size());
            switch (r.nextInt(6)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, lines.get(i));
                case 2 -> lines.set(i, lines.get(i).replaceFirst(": .*", java.util.regex.Matcher.quoteReplacement(": " + yamlQuote(pick(HostileInputs.NASTY, r)))));
                case 3 -> Collections.swap(lines, i, r.nextInt(lines.size()));
                case 4 -> lines.subList(i, lines.size()).clear();
                default -> lines.set(i, lines.get(i) + pick(List.of("\u0000", "\t", " &a", " *a", "{", "\"", "\u00ff"), r));
            }
        }
        return String.join("\n", lines);
    }

    private static String insert(List<String> lines, String step, int at) {
        List<String> out = new ArrayList<>(lines);
        int journal = out.indexOf("journal:");
        out.add(journal < 0 ? Math.min(at, out.size()) : journal + 1, step);
        return String.join("\n", out);
    }

    private static String yamlQuote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }

    private static String pick(List<String> values, Random r) {
        return values.get(r.nextInt(values.size()));
    }
}
