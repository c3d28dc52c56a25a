package kubetutor.bench;

import kubetutor.engine.fuzz.FuzzInputs;
import kubetutor.engine.fuzz.Probe;
import kubetutor.engine.session.InternalFailure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The fuzz suite of the engine's tests, for as long as asked ({@code benchmarks/run fuzz SECONDS
 * [SEED]}, 60 s by default; the seed picks the order of kinds, jqwik draws the inputs): command
 * lines, manifests and snapshots, each checked by the same
 * {@link Probe}. Reports inputs per second, the slowest input, and what it found, once per kind of
 * finding with the first input that showed it.
 */
public final class Fuzz {
    private Fuzz() {}

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        System.setProperty(InternalFailure.DEBUG_PROPERTY, "true"); // a finding says where kubetutor failed
        Path root = Files.createTempDirectory("kubetutor-fuzz");
        Probe probe = new Probe(root, Probe.SETUP);
        FuzzInputs inputs = new FuzzInputs(probe);
        Random random = new Random(seed);
        // jqwik generates outside a property run through its sample streams, from its own random source.
        Map<String, Iterator<String>> generators = new LinkedHashMap<>();
        inputs.all().forEach((kind, arbitrary) -> generators.put(kind, arbitrary.sampleStream().iterator()));
        List<String> kinds = new ArrayList<>(generators.keySet());
        Map<String, Probe.Finding> found = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        String[] current = new String[1];
        long[] since = {System.nanoTime()};
        Thread main = Thread.currentThread();
        Thread watchdog = new Thread(() -> {
            // A hang is a finding too: past a minute on one input, say which, and where, and stop.
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                if (System.nanoTime() - since[0] > 60_000_000_000L) {
                    System.out.println("found: an input that does not end\n  input: " + current[0]);
                    for (StackTraceElement e : main.getStackTrace()) {
                        if (e.getClassName().startsWith("kubetutor")) {
                            System.out.println("    at " + e);
                        }
                    }
                    System.exit(1);
                }
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() < end) {
            String kind = kinds.get(random.nextInt(kinds.size()));
            String input = generators.get(kind).next();
            if (n % 8 == 0) {
                probe.fresh();
            }
            current[0] = kind + ": " + input;
            since[0] = System.nanoTime();
            for (Probe.Finding f : inputs.run(kind, input)) {
                String key = f.what().replaceAll("\\d+", "N").replaceAll("(?s)\n.*", "");
                found.putIfAbsent(key, f);
                counts.merge(key, 1, Integer::sum);
            }
            n++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("fuzz: %d inputs in %.1f s (%.0f a second), seed %d; slowest %d ms; peak RSS %s%n", n, elapsed,
                n / elapsed, seed, probe.slowestMillis(), peakRss());
        if (found.isEmpty()) {
            System.out.println("found nothing");
        }
        found.forEach((key, f) -> System.out.printf("found (%d times): %s%n  first input: %s%n", counts.get(key), f.what(),
                f.input().length() > 300 ? f.input().substring(0, 300) + "..." : f.input()));
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        System.exit(found.isEmpty() ? 0 : 1);
    }

    /** The process's high-water mark of resident memory, as Linux keeps it. */
    private static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MB").findFirst().orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
