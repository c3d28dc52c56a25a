package kubetutor.engine.kubectl.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * GNU diff's unified output for two texts (what kubectl diff shows: it runs "diff -u -N" on two
 * directories). A longest common subsequence picks the kept lines; hunks carry three lines of
 * context and merge when their contexts touch.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** One line of the edit script: ' ' kept, '-' only in the old text, '+' only in the new. */
    record Edit(char op, String line, int oldLine, int newLine) {}

    /** The hunks, each from its "@@" line; empty when the texts are the same. */
    public static String hunks(List<String> a, List<String> b) {
        List<Edit> edits = edits(a, b);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend while another change is within two contexts of the last one
            int lastChange = i;
            for (int j = i; j < edits.size(); j++) {
                if (edits.get(j).op() != ' ') {
                    if (j - lastChange - 1 > 2 * CONTEXT) {
                        break;
                    }
                    lastChange = j;
                }
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            hunk(out, edits.subList(start, end), a, b, edits, start);
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> hunk, List<String> a, List<String> b, List<Edit> all, int start) {
        int oldStart = -1;
        int newStart = -1;
        int oldCount = 0;
        int newCount = 0;
        for (Edit e : hunk) {
            if (e.op() != '+') {
                oldCount++;
                if (oldStart < 0) {
                    oldStart = e.oldLine();
                }
            }
            if (e.op() != '-') {
                newCount++;
                if (newStart < 0) {
                    newStart = e.newLine();
                }
            }
        }
        // An empty side names the line before the hunk (0 at the top), as GNU diff does.
        if (oldStart < 0) {
            oldStart = linesBefore(all, start, true);
        }
        if (newStart < 0) {
            newStart = linesBefore(all, start, false);
        }
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount)).append(" @@\n");
        for (Edit e : hunk) {
            out.append(e.op()).append(e.line()).append('\n');
        }
    }

    private static int linesBefore(List<Edit> all, int start, boolean old) {
        int n = 0;
        for (int k = 0; k < start; k++) {
            char op = all.get(k).op();
            if (op == ' ' || op == (old ? '-' : '+')) {
                n++;
            }
        }
        return n;
    }

    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    /** The edit script of a longest common subsequence, deletions before insertions at each change. */
    static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i), i + 1, j + 1));
                i++;
                j++;
            } else if (j >= m || i < n && lcs[i + 1][j] >= lcs[i][j + 1]) {
                edits.add(new Edit('-', a.get(i), i + 1, j));
                i++;
            } else {
                edits.add(new Edit('+', b.get(j), i, j + 1));
                j++;
            }
        }
        return edits;
    }
}
