package kubetutor.engine.command;

import java.util.ArrayList;
import java.util.List;

/** Splits one line into words as sh does: blanks separate, quotes group, backslash escapes, '#' starts a comment. */
public final class Words {
    private Words() {}

    /**
     * @param quoted for each word, whether it began inside quotes (a quoted "<<" or ">" is a plain word,
     *               while <<'EOF' is a here-document whose delimiter is quoted)
     */
    public record Result(List<String> words, List<Boolean> quoted, boolean openQuote, boolean trailingBackslash) {}

    public static Result split(String line) {
        List<String> words = new ArrayList<>();
        List<Boolean> quotedFlags = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                if (i + 1 == n) {
                    return new Result(words, quotedFlags, false, true);
                }
                cur.append(line.charAt(++i));
                inWord = true;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    return new Result(words, quotedFlags, true, false);
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
                    if (d == '"') {
                        closed = true;
                        break;
                    }
                    cur.append(d);
                    j++;
                }
                if (!closed) {
                    return new Result(words, quotedFlags, true, false);
                }
                quoted |= !inWord;
                i = j;
                inWord = true;
            } else if (c == '#' && !inWord) {
                break;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    quotedFlags.add(quoted);
                    cur.setLength(0);
                    inWord = false;
                    quoted = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(cur.toString());
            quotedFlags.add(quoted);
        }
        return new Result(words, quotedFlags, false, false);
    }
}
