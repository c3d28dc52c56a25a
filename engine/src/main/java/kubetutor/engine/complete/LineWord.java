package kubetutor.engine.complete;

/**
 * A word of a line being typed, with where it sits in the line (completion replaces it, the
 * highlighter colours it).
 *
 * @param text  the word as sh would read it (quotes and backslashes removed)
 * @param start index of its first character in the line
 * @param end   index just after its last character
 */
public record LineWord(String text, int start, int end) {

    /** Splits one line as {@link kubetutor.engine.command.Words} does, keeping positions and tolerating an open quote. */
    public static java.util.List<LineWord> split(String line) {
        java.util.List<LineWord> words = new java.util.ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int start = -1;
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (start >= 0) {
                    words.add(new LineWord(cur.toString(), start, i));
                    cur.setLength(0);
                    start = -1;
                }
                i++;
                continue;
            }
            if (c == '#' && start < 0) {
                break;
            }
            if (start < 0) {
                start = i;
            }
            if (c == '\\') {
                if (i + 1 < n) {
                    cur.append(line.charAt(i + 1));
                }
                i += 2;
            } else if (c == '\'' || c == '"') {
                int close = line.indexOf(c, i + 1);
                int stop = close < 0 ? n : close;
                cur.append(line, i + 1, stop);
                i = close < 0 ? n : close + 1;
            } else {
                cur.append(c);
                i++;
            }
        }
        if (start >= 0) {
            words.add(new LineWord(cur.toString(), start, Math.min(i, n)));
        }
        return words;
    }
}
