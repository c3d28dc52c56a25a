package kubetutor.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN.md: dependencies inside the engine point one way, so each package can be read and tested
 * without the ones that use it. A package counts together with its subpackages (kubectl.verb is
 * kubectl, container.sh is container): the rooms are the engine's top-level packages.
 */
class PackageCyclesTest {
    private static final Path ENGINE = Path.of("src/main/java/kubetutor/engine");

    /** An import (single, static or on demand) or a fully qualified name anywhere; group 1 is the top-level package. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\bkubetutor\\.engine\\.([a-z]\\w*)(?:\\.[a-z]\\w*)*\\.[A-Z*]");

    @Test
    void enginePackagesFormNoCycle() throws IOException {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ENGINE)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.put(
                    ENGINE.relativize(f).toString().replace('\\', '/'), read(f)));
        }
        List<String> cycles = cycles(dependencies(sources));
        assertTrue(cycles.isEmpty(), () -> "package cycles:\n" + String.join("\n", cycles));
    }

    /** The check above must be able to fail: a cycle through a subpackage and a fully qualified name. */
    @Test
    void aCycleIsNamedWithTheFilesThatMakeIt() {
        Map<String, String> sources = Map.of(
                "a/A.java", "package kubetutor.engine.a;\nimport kubetutor.engine.b.sub.B;\nclass A {}\n",
                "b/sub/B.java", "package kubetutor.engine.b.sub;\nclass B { kubetutor.engine.a.A a; }\n",
                "c/C.java", "package kubetutor.engine.c;\nimport static kubetutor.engine.a.A.f;\nclass C {}\n");
        assertEquals(List.of("a, b: a -> b -> a\n  a -> b: a/A.java\n  b -> a: b/sub/B.java"),
                cycles(dependencies(sources)));
    }

    /** Package to package, each edge with the files that make it, from sources keyed by path under the engine. */
    private static Map<String, Map<String, Set<String>>> dependencies(Map<String, String> sources) {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        sources.forEach((file, text) -> {
            String from = file.substring(0, file.indexOf('/'));
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                if (!m.group(1).equals(from)) {
                    graph.computeIfAbsent(from, k -> new TreeMap<>())
                            .computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(file);
                }
            }
        });
        return graph;
    }

    /**
     * Each strongly connected component of more than one package: its packages, its shortest cycle,
     * and the files behind each step of that (the first few: enough to find the import to undo).
     */
    private static List<String> cycles(Map<String, Map<String, Set<String>>> graph) {
        Map<String, Set<String>> reach = new TreeMap<>();
        graph.keySet().forEach(p -> reach.put(p, reachable(graph, p)));
        Set<String> placed = new HashSet<>();
        List<String> cycles = new ArrayList<>();
        reach.forEach((p, fromP) -> {
            Set<String> component = fromP.stream()
                    .filter(q -> reach.getOrDefault(q, Set.of()).contains(p))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (component.size() > 1 && !placed.contains(p)) {
                placed.addAll(component);
                List<String> cycle = component.stream().map(start -> shortestCycle(graph, component, start))
                        .min(Comparator.comparingInt(List::size)).orElseThrow();
                StringBuilder named = new StringBuilder(String.join(", ", component))
                        .append(": ").append(String.join(" -> ", cycle));
                for (int i = 0; i + 1 < cycle.size(); i++) {
                    List<String> files = List.copyOf(graph.get(cycle.get(i)).get(cycle.get(i + 1)));
                    named.append("\n  ").append(cycle.get(i)).append(" -> ").append(cycle.get(i + 1)).append(": ")
                            .append(String.join(", ", files.subList(0, Math.min(3, files.size()))))
                            .append(files.size() > 3 ? " and " + (files.size() - 3) + " more" : "");
                }
                cycles.add(named.toString());
            }
        });
        return cycles;
    }

    private static Set<String> reachable(Map<String, Map<String, Set<String>>> graph, String start) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(graph.get(start).keySet());
        while (!todo.isEmpty()) {
            String p = todo.pop();
            if (seen.add(p)) {
                todo.addAll(graph.getOrDefault(p, Map.of()).keySet());
            }
        }
        return seen;
    }

    /** Breadth first from {@code start} back to it, inside the component: start, ..., start. */
    private static List<String> shortestCycle(Map<String, Map<String, Set<String>>> graph, Set<String> component,
                                              String start) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!cameFrom.containsKey(start)) {
            String p = queue.remove();
            for (String q : graph.get(p).keySet()) {
                if (component.contains(q) && cameFrom.putIfAbsent(q, p) == null) {
                    queue.add(q);
                }
            }
        }
        Deque<String> cycle = new ArrayDeque<>(List.of(start));
        for (String p = cameFrom.get(start); !p.equals(start); p = cameFrom.get(p)) {
            cycle.addFirst(p);
        }
        cycle.addFirst(start);
        return List.copyOf(cycle);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
