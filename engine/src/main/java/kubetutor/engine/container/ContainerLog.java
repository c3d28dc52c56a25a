package kubetutor.engine.container;

import kubetutor.engine.kubelet.ContainerRuntime.LogLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a container wrote, line by line with the time each line arrived, as the runtime's log file
 * keeps it for {@code kubectl logs}. A line without its newline yet waits for the rest.
 */
final class ContainerLog {
    /**
     * The kubelet's containerLogMaxSize: past it the log file is rotated, and kubectl logs reads
     * the new one only. It also keeps a chatty container from filling the tutor's memory.
     */
    static final long MAX_SIZE = 10L * 1024 * 1024;

    private final List<LogLine> lines = new ArrayList<>();
    private final StringBuilder partialOut = new StringBuilder();
    private final StringBuilder partialErr = new StringBuilder();
    private long sequence;
    private long size;

    void write(Instant time, boolean stderr, String text) {
        StringBuilder partial = stderr ? partialErr : partialOut;
        size += text.length();
        if (size > MAX_SIZE) {
            lines.clear();
            partialOut.setLength(0);
            partialErr.setLength(0);
            size = text.length() > MAX_SIZE ? 0 : text.length();
            if (size == 0) {
                return;
            }
        }
        partial.append(text);
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            // containerd stamps with nanoseconds; the simulated clock has milliseconds, so the
            // digits below them only keep lines of one millisecond apart and in order.
            Instant at = time.plusNanos(sequence++ % 1000 * 1000 + 417);
            lines.add(new LogLine(at, stderr, partial.substring(0, nl)));
            partial.delete(0, nl + 1);
        }
    }

    List<LogLine> lines() {
        return List.copyOf(lines);
    }
}
