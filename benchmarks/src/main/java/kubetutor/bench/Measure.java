package kubetutor.bench;

/** Wall time and heap, measured the same way by every harness. */
final class Measure {
    private Measure() {}

    static long heapMiB() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
