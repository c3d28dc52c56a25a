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
        } catch (Malformed e) {
            return Completeness.COMPLETE;
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
                if (dangling(r) != null && i < lines.length) {
                    logical.append(' ').append(lines[i++]); // sh reads on after "&&", "||" and "|"
                    continue;
                }
                break;
            }
            String line = logical.toString();
            Words.Result r = Words.split(line);
            List<int[]> segments = segments(r);
            // A heredoc's body follows its line; it belongs to the command whose words name it.
            String heredocText = null;
            boolean several = segments.size() > 1;
            CommandInput.When when = CommandInput.When.ALWAYS;
            for (int[] seg : segments) {
                Parsed p = parse(r, line, seg[0], seg[1]);
                if (p.heredocEnd() != null && heredocText == null) {
                    StringBuilder body = new StringBuilder();
                    StringBuilder raw = new StringBuilder();
                    boolean closed = false;
                    while (i < lines.length) {
                        String bodyLine = lines[i++];
                        raw.append('\n').append(bodyLine);
                        String candidate = p.stripTabs() ? bodyLine.replaceFirst("^\t+", "") : bodyLine;
                        if (candidate.equals(p.heredocEnd())) {
                            closed = true;
                            break;
                        }
                        body.append(candidate).append('\n');
                    }
                    if (!closed) {
                        throw new Incomplete("here-document delimited by " + p.heredocEnd(), p.heredocEnd());
                    }
                    p = p.withStdin(body.toString());
                    heredocText = raw.toString();
                }
                String typedText;
                if (several) {
                    int from = r.starts().get(seg[0]);
                    int to = seg[1] < r.words().size() ? r.starts().get(seg[1]) : line.length();
                    typedText = line.substring(from, to).strip() + (p.stdin() != null ? heredocText : "");
                } else {
                    StringBuilder typed = new StringBuilder();
                    for (int l = start; l < i; l++) {
                        typed.append(l > start ? "\n" : "").append(lines[l]);
                    }
                    typedText = typed.toString();
                }
                boolean background = seg[1] < r.words().size() && r.words().get(seg[1]).equals("&");
                out.add(new CommandInput(List.copyOf(p.words()), p.stdin(), p.redirect(), p.append(), typedText, when, background, p.pipeline()));
                String op = seg[1] < r.words().size() ? r.words().get(seg[1]) : ";";
                when = switch (op) {
                    case "&&" -> CommandInput.When.ON_SUCCESS;
                    case "||" -> CommandInput.When.ON_FAILURE;
                    default -> CommandInput.When.ALWAYS;
                };
            }
        }
        return out;
    }

    /** The "&&", "||" or "|" a line ends with, after which sh reads on; null when it ends otherwise. */
    private static String dangling(Words.Result r) {
        int last = r.words().size() - 1;
        if (last < 0 || !r.operator().get(last)) {
            return null;
        }
        String op = r.words().get(last);
        return op.equals(";") || op.equals("&") ? null : op;
    }

    /**
     * The commands of one line as word ranges [from, to), split at its list operators; {@code to}
     * is the operator's index. A line ending in {@code &&}, {@code ||} or {@code |} needs more input;
     * an operator with no command before it is sh's syntax error.
     */
    private static List<int[]> segments(Words.Result r) {
        List<int[]> out = new ArrayList<>();
        int from = 0;
        List<String> words = r.words();
        for (int w = 0; w < words.size(); w++) {
            if (!r.operator().get(w)) {
                continue;
            }
            if (w == from || r.operator().get(w - 1)) {
                throw new Malformed("syntax error: unexpected \"" + words.get(w) + "\"");
            }
            if (words.get(w).equals("|")) {
                continue; // a pipeline is one command of the list
            }
            out.add(new int[] {from, w});
            from = w + 1;
        }
        if (dangling(r) != null) {
            throw new Incomplete("line continues after " + dangling(r));
        }
        if (from < words.size()) {
            out.add(new int[] {from, words.size()});
        }
        return out;
    }

    /** One command's words with its here-document and redirect taken out. */
    private record Parsed(List<String> words, String stdin, String redirect, boolean append, String heredocEnd, boolean stripTabs,
                          String pipeline) {
        Parsed withStdin(String body) {
            return new Parsed(words, body, redirect, append, heredocEnd, stripTabs, pipeline);
        }
    }

    /**
     * The words before the first "|" are the command; the text after it is the pipeline its output
     * goes through, kept as typed for the filter's own shell. A redirect at the end of the pipeline
     * is the whole command's.
     */
    private static Parsed parse(Words.Result r, String line, int from, int to) {
        List<String> words = r.words();
        String pipeline = null;
        for (int w = from; w < to; w++) {
            if (r.operator().get(w) && words.get(w).equals("|")) {
                int end = to < words.size() ? r.starts().get(to) : line.length();
                Parsed tail = simple(r, w + 1, to);
                for (int x = w + 1; x < to; x++) {
                    if (!r.quoted().get(x) && words.get(x).startsWith(">")) {
                        end = r.starts().get(x);
                        break;
                    }
                }
                Parsed head = simple(r, from, w);
                pipeline = line.substring(r.starts().get(w) + 1, end).strip();
                return new Parsed(head.words(), null, tail.redirect(), tail.append(), head.heredocEnd(), head.stripTabs(), pipeline);
            }
        }
        return simple(r, from, to);
    }

    /** One simple command: its words, with here-document and redirects taken out. */
    private static Parsed simple(Words.Result r, int from, int to) {
        List<String> words = r.words();
        String redirect = null;
        boolean append = false;
        List<String> kept = new ArrayList<>();
        String heredocEnd = null;
        boolean stripTabs = false;
        for (int w = from; w < to; w++) {
            String word = words.get(w);
            boolean quoted = r.quoted().get(w);
            if (!quoted && word.startsWith("<<")) {
                String delim = word.substring(2);
                if (delim.startsWith("-")) {
                    stripTabs = true;
                    delim = delim.substring(1);
                }
                if (delim.isEmpty() && w + 1 < to) {
                    delim = words.get(++w);
                }
                heredocEnd = delim;
            } else if (!quoted && (word.equals(">") || word.equals(">>")) && w + 1 < to) {
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
        return new Parsed(kept, null, redirect, append, heredocEnd, stripTabs, null);
    }

    /** Text that cannot be read, whether it is unfinished or wrong. */
    public abstract static class Unreadable extends RuntimeException {
        Unreadable(String what) {
            super(what, null, false, false);
        }
    }

    /** Text that no further input can make right: sh's syntax error. */
    public static final class Malformed extends Unreadable {
        public Malformed(String what) {
            super(what);
        }
    }

    /** The text ends before a command does. */
    public static final class Incomplete extends Unreadable {
        /** The delimiter an open here-document waits for, or null when something else is open. */
        private final String heredocEnd;

        public Incomplete(String what) {
            this(what, null);
        }

        Incomplete(String what, String heredocEnd) {
            super(what);
            this.heredocEnd = heredocEnd;
        }
    }

    /**
     * The delimiter of a here-document the text has opened and not closed, or null. Until a line
     * that is the delimiter comes, no line can complete the text: a reader of many lines (a script
     * with a long manifest in it) checks again only then, and stays linear.
     */
    public static String awaitedDelimiter(String text) {
        try {
            read(text);
            return null;
        } catch (Incomplete e) {
            return e.heredocEnd;
        } catch (Malformed e) {
            return null;
        }
    }
}
