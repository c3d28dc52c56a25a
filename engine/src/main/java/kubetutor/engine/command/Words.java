package kubetutor.engine.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line into words as sh does: blanks separate, quotes group, backslash escapes, '#' starts
 * a comment, and the list operators {@code ;}, {@code &}, {@code &&}, {@code ||} and {@code |} are
 * words of their own wherever they stand unquoted.
 */
public final class Words {
    private Words() {}

    /**
     * @param quoted    for each word, whether it began inside quotes (a quoted "<<" or ">" is a plain word,
     *                  while <<'EOF' is a here-document whose delimiter is quoted)
     * @param operator  for each word, whether it is a list operator
     * @param starts    for each word, where it starts in the line
     */
    public record Result(List<String> words, List<Boolean> quoted, List<Boolean> operator, List<Integer> starts,
                         boolean openQuote, boolean trailingBackslash) {}

    /** The words found so far, with what {@link Result} says of each. */
    private static final class Collected {
        final List<String> words = new ArrayList<>();
        final List<Boolean> quoted = new ArrayList<>();
        final List<Boolean> operator = new ArrayList<>();
        final List<Integer> starts = new ArrayList<>();

        void add(String word, boolean isQuoted, boolean isOperator, int start) {
            words.add(word);
            quoted.add(isQuoted);
            operator.add(isOperator);
            starts.add(start);
        }

        Result result(boolean openQuote, boolean trailingBackslash) {
            return new Result(words, quoted, operator, starts, openQuote, trailingBackslash);
        }
    }

    public static Result split(String line) {
        Collected out = new Collected();
        StringBuilder cur = new StringBuilder();
        int start = 0;
        boolean inWord = false;
        boolean quoted = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (!inWord) {
                start = i;
            }
            if (c == '\\') {
                if (i + 1 == n) {
                    return out.result(false, true);
                }
                cur.append(line.charAt(++i));
                inWord = true;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    return out.result(true, false);
                }
                quoted |= !inWord;
                cur.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char d = line.charAt(j);
                    if (d == '\\' && j + 1 < n && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) {
                        cur.append(line.charAt(j + 1));
                        j += 2;
                        continue;
                    }
                    if (d == '$' && j + 1 < n && line.charAt(j + 1) == '(') {
                        int close = Substitutions.closing(line, j + 1);
                        if (close < 0) {
                            return out.result(true, false);
                        }
                        cur.append(Substitutions.QUOTED_OPEN).append(line, j + 2, close).append(Substitutions.QUOTED_CLOSE);
                        j = close + 1;
                        continue;
                    }
                    int ref = Variables.reference(line, j);
                    if (ref > j) {
                        Variables.mark(cur, line, j, ref, true);
                        j = ref;
                        continue;
                    }
                    if (d == '"') {
                        closed = true;
                        break;
                    }
                    cur.append(d);
                    j++;
                }
                if (!closed) {
                    return out.result(true, false);
                }
                quoted |= !inWord;
                i = j;
                inWord = true;
            } else if (c == '$' && i + 1 < n && line.charAt(i + 1) == '(') {
                int close = Substitutions.closing(line, i + 1);
                if (close < 0) {
                    return out.result(true, false);
                }
                cur.append(Substitutions.UNQUOTED_OPEN).append(line, i + 2, close).append(Substitutions.UNQUOTED_CLOSE);
                i = close;
                inWord = true;
            } else if (c == '$' && Variables.reference(line, i) > i) {
                int ref = Variables.reference(line, i);
                Variables.mark(cur, line, i, ref, false);
                i = ref - 1;
                inWord = true;
            } else if (c == '~' && !inWord && (i + 1 == n || "/ \t;&|".indexOf(line.charAt(i + 1)) >= 0)) {
                Variables.markHome(cur); // tilde expansion: only at the start of an unquoted word
                inWord = true;
            } else if (c == '#' && !inWord) {
                break;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString(), quoted, false, start);
                    cur.setLength(0);
                    inWord = false;
                    quoted = false;
                }
            } else if ((c == ';' || c == '&' || c == '|') && !(c == '&' && inWord && cur.charAt(cur.length() - 1) == '>')) {
                if (inWord) {
                    out.add(cur.toString(), quoted, false, start);
                    cur.setLength(0);
                    inWord = false;
                    quoted = false;
                }
                boolean doubled = c != ';' && i + 1 < n && line.charAt(i + 1) == c;
                out.add(doubled ? "" + c + c : "" + c, false, true, i);
                if (doubled) {
                    i++;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString(), quoted, false, start);
        }
        return out.result(false, false);
    }
}
