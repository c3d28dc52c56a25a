package kubetutor.engine.session;

import java.util.ArrayList;
import java.util.List;

/**
 * How GNU xargs cuts its input into arguments: blanks separate them, quotes and backslashes escape
 * (an unmatched quote stops it); -0 and -d take every byte but the delimiter literally; -L and -I
 * read lines, a line ending in a blank going on into the next.
 */
final class XargsInput {
    /** An input xargs refuses: it runs what it had read before, then stops with this message. */
    static final class Unmatched extends Exception {
        final String quote;
        /** The arguments read before it. */
        final List<String> before;

        Unmatched(String quote, List<String> before) {
            super("xargs: unmatched " + quote + " quote; by default quotes are special to xargs unless you use the -0 option",
                    null, false, false);
            this.quote = quote;
            this.before = before;
        }
    }

    private XargsInput() {}

    /** The arguments between delimiters (-0, -d): a last empty one, after a final delimiter, is none. */
    static List<String> delimited(String text, char delimiter) {
        List<String> items = new ArrayList<>(List.of(text.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)));
        if (!items.isEmpty() && items.get(items.size() - 1).isEmpty()) {
            items.remove(items.size() - 1);
        }
        return items;
    }

    /** The input's lines, each as its arguments (blank lines none); a line ending in a blank joins the next. */
    static List<List<String>> lines(String text) throws Unmatched {
        List<List<String>> lines = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            try {
                current.addAll(words(line));
            } catch (Unmatched u) {
                List<String> before = new ArrayList<>();
                lines.forEach(before::addAll);
                before.addAll(current);
                before.addAll(u.before);
                throw new Unmatched(u.quote, before);
            }
            boolean continues = !line.isEmpty() && (line.endsWith(" ") || line.endsWith("\t"));
            if (!continues && !current.isEmpty()) {
                lines.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            lines.add(current);
        }
        return lines;
    }

    /** The arguments of one line. */
    static List<String> words(String line) throws Unmatched {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == ' ' || ch == '\t') {
                if (w != null) {
                    words.add(w.toString());
                    w = null;
                }
                continue;
            }
            w = w == null ? new StringBuilder() : w;
            if (ch == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
            } else if (ch == '\'' || ch == '"') {
                int close = line.indexOf(ch, i + 1);
                if (close < 0) {
                    throw new Unmatched(ch == '\'' ? "single" : "double", words);
                }
                w.append(line, i + 1, close);
                i = close;
            } else {
                w.append(ch);
            }
        }
        if (w != null) {
            words.add(w.toString());
        }
        return words;
    }
}
