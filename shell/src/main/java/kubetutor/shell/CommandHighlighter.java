package kubetutor.shell;

import kubetutor.engine.complete.CommandLine;
import kubetutor.engine.complete.Completer;
import kubetutor.engine.complete.LineWord;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.regex.Pattern;

/**
 * Colours the line as it is typed, from the same command table that completes it: the command, the
 * verb, resource types, object names, flags; unknown commands and flags in red, so a typo shows
 * before Enter. The body of a here-document is left plain.
 */
final class CommandHighlighter implements Highlighter {
    private static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle SUBCOMMAND = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle RESOURCE = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    private static final AttributedStyle NAME = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle FLAG = AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE | AttributedStyle.BRIGHT);
    private static final AttributedStyle WRONG = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
    private static final AttributedStyle OPERATOR = AttributedStyle.BOLD;

    private final Completer completer;

    CommandHighlighter(Completer completer) {
        this.completer = completer;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        String[] lines = buffer.split("\n", -1);
        String heredocEnd = null;
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines[i];
            if (heredocEnd != null) {
                out.append(line);
                if (line.strip().equals(heredocEnd)) {
                    heredocEnd = null;
                }
                continue;
            }
            heredocEnd = line(out, line);
        }
        return out.toAttributedString();
    }

    /** Colours one command line; returns the here-document delimiter it opens, or null. */
    private String line(AttributedStringBuilder out, String line) {
        CommandLine parsed = CommandLine.walk(completer.commands(), LineWord.split(line));
        int at = 0;
        String heredocEnd = null;
        boolean delimiterNext = false;
        for (CommandLine.Token t : parsed.tokens()) {
            LineWord w = t.word();
            out.append(line.substring(at, w.start()));
            out.styled(style(t.role()), line.substring(w.start(), w.end()));
            at = w.end();
            if (t.role() == CommandLine.Role.OPERATOR) {
                String word = w.text();
                if (delimiterNext) {
                    heredocEnd = word;
                    delimiterNext = false;
                } else if (word.startsWith("<<")) {
                    String d = word.substring(word.startsWith("<<-") ? 3 : 2);
                    delimiterNext = d.isEmpty();
                    heredocEnd = d.isEmpty() ? null : d;
                }
            }
        }
        out.append(line.substring(at));
        return heredocEnd;
    }

    private static AttributedStyle style(CommandLine.Role role) {
        return switch (role) {
            case COMMAND -> COMMAND;
            case SUBCOMMAND -> SUBCOMMAND;
            case RESOURCE -> RESOURCE;
            case NAME -> NAME;
            case FLAG -> FLAG;
            case UNKNOWN_COMMAND, UNKNOWN_FLAG -> WRONG;
            case OPERATOR -> OPERATOR;
            case ARGUMENT, FLAG_VALUE -> AttributedStyle.DEFAULT;
        };
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
        // Errors are coloured from the command table, not from a pattern.
    }

    @Override
    public void setErrorIndex(int errorIndex) {
        // As above.
    }
}
