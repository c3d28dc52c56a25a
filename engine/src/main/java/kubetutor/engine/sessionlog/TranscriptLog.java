package kubetutor.engine.sessionlog;

import kubetutor.engine.output.Output;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What was typed in a session and what it printed, kept for {@code transcript FILE}. Bounded: past
 * {@link #LIMIT} characters the oldest commands go, so a day-long class cannot fill the memory.
 */
public final class TranscriptLog {
    static final int LIMIT = 4 * 1024 * 1024;

    private final Deque<Entry> entries = new ArrayDeque<>();
    private long size;
    private boolean dropped;

    /** One command line and what it printed, in order. */
    public record Entry(String command, List<Output> outputs) {
        public Entry {
            outputs = List.copyOf(outputs);
        }

        long size() {
            long n = command.length();
            for (Output o : outputs) {
                n += kubetutor.engine.output.PlainText.render(o).length();
            }
            return n;
        }
    }

    public void add(Entry entry) {
        entries.addLast(entry);
        size += entry.size();
        while (size > LIMIT && entries.size() > 1) {
            size -= entries.removeFirst().size();
            dropped = true;
        }
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    /** Whether the oldest commands were let go to stay within the limit. */
    public boolean dropped() {
        return dropped;
    }

    public void clear() {
        entries.clear();
        size = 0;
        dropped = false;
    }
}
