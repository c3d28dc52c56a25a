package kubetutor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Wall time, CPU time and heap, measured the same way by every harness. */
final class Measure {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Measure() {}

    /**
     * Heap in use after a full collection, with {@code alive} (the cluster) still reachable: otherwise
     * the JIT may treat it as dead by the time the collector runs. Two collections, so that objects
     * freed by the first one's finalization and reference processing are gone too.
     */
    static long heapMiB(Object alive) {
        System.gc();
        System.gc();
        long used = MEMORY.getHeapMemoryUsage().getUsed();
        java.lang.ref.Reference.reachabilityFence(alive);
        return used / (1024 * 1024);
    }

    /** A session on the benchmarks' cluster: a control plane and 100 workers of 8 CPUs and 32 GiB. */
    static kubetutor.engine.session.Session hundredWorkers() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kubetutor-bench");
        java.nio.file.Path clusterFile = dir.resolve("cluster.yaml");
        java.nio.file.Files.writeString(clusterFile, """
                nodes:
                  - name: master
                    role: control-plane
                  - name: worker
                    count: 100
                    cpu: 8
                    memory: 32Gi
                """);
        return new kubetutor.engine.session.Session(new kubetutor.engine.session.SessionOptions(1, clusterFile, dir));
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * A span of wall time, and of CPU time and allocation of the calling thread. The engine runs on
     * one thread; on a shared machine its CPU time and the bytes it allocated (which the collector
     * pays for) are steadier figures than wall time, which also counts waiting for a core.
     */
    record Span(long wallStart, long cpuStart, long allocatedStart, long gcStart) {
        static Span start() {
            return new Span(System.nanoTime(), THREADS.getCurrentThreadCpuTime(), THREADS.getCurrentThreadAllocatedBytes(),
                    gcMillis());
        }

        /**
         * Time the collectors spent since the start (stopping the engine's thread, with a stop-the-world
         * collector): a simulation that keeps hundreds of MiB alive pays it on top of its CPU time.
         */
        double gc() {
            return (gcMillis() - gcStart) / 1e3;
        }

        private static long gcMillis() {
            long total = 0;
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                total += Math.max(0, gc.getCollectionTime());
            }
            return total;
        }

        long allocatedMiB() {
            return (THREADS.getCurrentThreadAllocatedBytes() - allocatedStart) / (1024 * 1024);
        }

        double wall() {
            return (System.nanoTime() - wallStart) / 1e9;
        }

        double cpu() {
            return (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        }
    }
}
