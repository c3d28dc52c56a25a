package kubetutor.kernel;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The inputs of this kernel's cells, for history_request (kept in memory: a restart starts afresh). */
final class KernelHistory implements HistoryManager {
    /** The current session, as ipykernel numbers it for clients that ask for "session 0". */
    static final int SESSION = 1;

    private final List<HistoryEntry> entries = new ArrayList<>();

    synchronized void add(int executionCount, String input) {
        entries.add(new HistoryEntry(SESSION, executionCount, input));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        List<HistoryEntry> from = flags.contains(ResultFlag.UNIQUE) ? unique(entries) : entries;
        return List.copyOf(from.subList(Math.max(0, from.size() - Math.max(0, length)), from.size()));
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int sessionOffset, int startCell, int endCell, Set<ResultFlag> flags) {
        if (sessionOffset != 0 && sessionOffset != SESSION) {
            return List.of();
        }
        List<HistoryEntry> out = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if (e.getCellNumber() >= startCell && (endCell <= 0 || e.getCellNumber() < endCell)) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern glob = Pattern.compile(globToRegex(pattern == null || pattern.isEmpty() ? "*" : pattern), Pattern.DOTALL);
        List<HistoryEntry> matching = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if (glob.matcher(e.getInput()).matches()) {
                matching.add(e);
            }
        }
        if (flags.contains(ResultFlag.UNIQUE)) {
            matching = unique(matching);
        }
        int n = length <= 0 ? matching.size() : Math.min(length, matching.size());
        return List.copyOf(matching.subList(matching.size() - n, matching.size()));
    }

    /** The last entry of each distinct input, in order. */
    private static List<HistoryEntry> unique(List<HistoryEntry> from) {
        Set<String> seen = new LinkedHashSet<>();
        List<HistoryEntry> out = new ArrayList<>();
        for (int i = from.size() - 1; i >= 0; i--) {
            if (seen.add(from.get(i).getInput())) {
                out.add(0, from.get(i));
            }
        }
        return out;
    }

    /** History search patterns are sqlite globs: * ? and [...] (with ^ for negation). */
    static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        sb.append("\\[");
                    } else {
                        sb.append('[').append(glob, i + 1, end).append(']');
                        i = end;
                    }
                }
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
