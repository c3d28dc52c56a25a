package kubetutor.engine.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits typed text into commands the way the shell the lessons assume would: words and quotes,
 * a trailing backslash continuing the line, "#" comments, here-documents ({@code <<EOF},
 * {@code <<'EOF'}, {@code <<-EOF}) and {@code > file} redirects. Shared by the shell, the kernel
 * and batch mode, so that all three read the same text the same way.
 */
public final class ScriptReader {

    public enum Completeness { COMPLETE, INCOMPLETE }

    private ScriptReader() {}

    /** Whether the text is a whole command, or still needs lines (an open quote, here-document or backslash). */
    public static Completeness check(String text) {
        try {
            read(text);
            return Completeness.COMPLETE;
        } catch (Incomplete e) {
            return Completeness.INCOMPLETE;
        }
    }

    /** The commands in the text. Throws {@link Incomplete} when it ends inside a quote or here-document. */
    public static List<CommandInput> read(String text) {
        List<CommandInput> out = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            StringBuilder logical = new StringBuilder(lines[i]);
            int start = i;
            i++;
            // Join continuation lines and lines inside open quotes.
            while (true) {
                Words.Result r = Words.split(logical.toString());
                if (r.openQuote()) {
                    if (i >= lines.length) {
                        throw new Incomplete("unterminated quote");
                    }
                    logical.append('\n').append(lines[i++]);
                    continue;
                }
                if (r.trailingBackslash()) {
                    if (i >= lines.length) {
                        throw new Incomplete("line continues");
                    }
                    logical.setLength(logical.length() - 1);
                    logical.append(lines[i++]);
                    continue;
                }
                break;
            }
            Words.Result r = Words.split(logical.toString());
            List<String> words = new ArrayList<>(r.words());
            if (words.isEmpty()) {
                continue;
            }
            String stdin = null;
            String redirect = null;
            boolean append = false;
            List<String> kept = new ArrayList<>();
            String heredocEnd = null;
            boolean stripTabs = false;
            for (int w = 0; w < words.size(); w++) {
                String word = words.get(w);
                boolean quoted = r.quoted().get(w);
                if (!quoted && word.startsWith("<<")) {
                    String delim = word.substring(2);
                    if (delim.startsWith("-")) {
                        stripTabs = true;
                        delim = delim.substring(1);
                    }
                    if (delim.isEmpty() && w + 1 < words.size()) {
                        delim = words.get(++w);
                    }
                    heredocEnd = delim;
                } else if (!quoted && (word.equals(">") || word.equals(">>")) && w + 1 < words.size()) {
                    append = word.equals(">>");
                    redirect = words.get(++w);
                } else if (!quoted && word.startsWith(">>") && word.length() > 2) {
                    append = true;
                    redirect = word.substring(2);
                } else if (!quoted && word.startsWith(">") && word.length() > 1) {
                    redirect = word.substring(1);
                } else {
                    kept.add(word);
                }
            }
            if (heredocEnd != null) {
                StringBuilder body = new StringBuilder();
                boolean closed = false;
                while (i < lines.length) {
                    String line = lines[i++];
                    String candidate = stripTabs ? line.replaceFirst("^\t+", "") : line;
                    if (candidate.equals(heredocEnd)) {
                        closed = true;
                        break;
                    }
                    body.append(candidate).append('\n');
                }
                if (!closed) {
                    throw new Incomplete("here-document delimited by " + heredocEnd);
                }
                stdin = body.toString();
            }
            StringBuilder typed = new StringBuilder();
            for (int l = start; l < i; l++) {
                typed.append(l > start ? "\n" : "").append(lines[l]);
            }
            if (!kept.isEmpty()) {
                out.add(new CommandInput(List.copyOf(kept), stdin, redirect, append, typed.toString()));
            }
        }
        return out;
    }

    /** The text ends before a command does. */
    public static final class Incomplete extends RuntimeException {
        public Incomplete(String what) {
            super(what, null, false, false);
        }
    }
}
