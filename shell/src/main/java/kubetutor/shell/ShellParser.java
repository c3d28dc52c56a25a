package kubetutor.shell;

import kubetutor.engine.command.ScriptReader;
import kubetutor.engine.session.Session;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * JLine's word splitting, plus the session's rule for when a command is whole: Enter inside an
 * open here-document, quote or after a trailing backslash asks for another line (the secondary
 * prompt) instead of running a half command.
 */
final class ShellParser extends DefaultParser {
    ShellParser() {
        setEofOnUnclosedQuote(false);
        setEofOnEscapedNewLine(false);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && Session.completeness(line) == ScriptReader.Completeness.INCOMPLETE) {
            throw new EOFError(-1, cursor, "more input");
        }
        return super.parse(line, cursor, context);
    }
}
