package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Splits script text into tokens. Words keep their structure (quoted parts, expansions); a nested
 * {@code $(...)} is parsed on the spot by the parser, which shares this lexer's position.
 */
final class Lexer {
    enum Kind { WORD, OP, REDIR, NEWLINE, EOF }

    record Token(Kind kind, String text, Ast.Word word, int fd, int line) {
        /** A word that is plain unquoted text, so it may be a reserved word or an assignment. */
        boolean plain() {
            return kind == Kind.WORD && word.parts().size() == 1
                    && word.parts().get(0) instanceof Ast.Lit l && !l.quoted();
        }

        boolean is(String s) {
            return (kind == Kind.OP && text.equals(s)) || (plain() && text.equals(s));
        }
    }

    /**
     * How deep compound commands, $(...), `...` and ${...} may nest in one script: ash has no limit
     * but its C stack, kubetutor's parser recurses on a Java stack of its own choosing.
     */
    static final int MAX_DEPTH = 200;

    final String src;
    int pos;
    int line = 1;
    /** Parses a command list up to ')' for $(...); set by the parser. */
    Supplier<Ast.Node> subParser;
    /** How many constructs enclose the text being read, counting those of the scripts this one is inside. */
    int depth;

    Lexer(String src, int depth) {
        this.src = src;
        this.depth = depth;
    }

    /** Enters one more nested construct; past {@link #MAX_DEPTH} the script is refused. */
    void enter() {
        if (++depth > MAX_DEPTH) {
            throw new SyntaxError("syntax error: nested more than " + MAX_DEPTH + " deep", false);
        }
    }

    void leave() {
        depth--;
    }

    private char peekc(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private boolean eof() {
        return pos >= src.length();
    }

    Token next() {
        while (!eof()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\\' && peekc(1) == '\n') {
                pos += 2;
                line++;
            } else if (c == '#') {
                while (!eof() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        int startLine = line;
        if (eof()) {
            return new Token(Kind.EOF, "end of file", null, -1, startLine);
        }
        char c = src.charAt(pos);
        if (c == '\n') {
            pos++;
            line++;
            return new Token(Kind.NEWLINE, "newline", null, -1, startLine);
        }
        for (String op : new String[] {"&&", "||", ";;", ";", "&", "|", "(", ")"}) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                return new Token(Kind.OP, op, null, -1, startLine);
            }
        }
        int fd = -1;
        int digits = pos;
        while (digits < src.length() && Character.isDigit(src.charAt(digits))) {
            digits++;
        }
        if (digits > pos && digits < src.length() && (src.charAt(digits) == '<' || src.charAt(digits) == '>')) {
            fd = Integer.parseInt(src.substring(pos, digits));
            pos = digits;
            c = src.charAt(pos);
        }
        if (c == '<' || c == '>') {
            for (String op : new String[] {">>", ">&", "<&", ">|", ">", "<"}) {
                if (src.startsWith(op, pos)) {
                    pos += op.length();
                    String norm = op.equals(">|") ? ">" : op;
                    int f = fd >= 0 ? fd : (norm.startsWith("<") ? 0 : 1);
                    return new Token(Kind.REDIR, norm, null, f, startLine);
                }
            }
        }
        int start = pos;
        Ast.Word w = readWord();
        return new Token(Kind.WORD, src.substring(start, pos), w, -1, startLine);
    }

    private static boolean isMeta(char c) {
        return " \t\n;&|<>()".indexOf(c) >= 0;
    }

    private Ast.Word readWord() {
        List<Ast.Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (!eof() && !isMeta(src.charAt(pos))) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos++;
                if (eof()) {
                    lit.append('\\');
                } else if (src.charAt(pos) == '\n') {
                    pos++;
                    line++;
                } else {
                    flush(parts, lit);
                    parts.add(new Ast.Lit(String.valueOf(src.charAt(pos++)), true));
                }
            } else if (c == '\'') {
                flush(parts, lit);
                int end = src.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new SyntaxError("syntax error: unterminated quoted string", true);
                }
                String text = src.substring(pos + 1, end);
                line += count(text, '\n');
                parts.add(new Ast.Lit(text, true));
                pos = end + 1;
            } else if (c == '"') {
                flush(parts, lit);
                pos++;
                readDoubleQuoted(parts);
            } else if (c == '$' || c == '`') {
                Ast.Part p = readDollar(false);
                if (p == null) {
                    lit.append(c);
                    pos++;
                } else {
                    flush(parts, lit);
                    parts.add(p);
                }
            } else {
                lit.append(c);
                pos++;
            }
        }
        flush(parts, lit);
        return new Ast.Word(parts);
    }

    private void readDoubleQuoted(List<Ast.Part> parts) {
        StringBuilder lit = new StringBuilder();
        // An empty "" still makes a (quoted, empty) argument.
        parts.add(new Ast.Lit("", true));
        while (true) {
            if (eof()) {
                throw new SyntaxError("syntax error: unterminated quoted string", true);
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\' && "$`\"\\\n".indexOf(peekc(1)) >= 0) {
                if (peekc(1) == '\n') {
                    line++;
                } else {
                    lit.append(peekc(1));
                }
                pos += 2;
            } else if (c == '$' || c == '`') {
                Ast.Part p = readDollar(true);
                if (p == null) {
                    lit.append(c);
                    pos++;
                } else {
                    flushQuoted(parts, lit);
                    parts.add(p);
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                lit.append(c);
                pos++;
            }
        }
        flushQuoted(parts, lit);
    }

    /** Reads an expansion at '$' or '`'; null when the '$' is just a character. */
    private Ast.Part readDollar(boolean quoted) {
        if (src.charAt(pos) == '`') {
            int end = pos + 1;
            StringBuilder inner = new StringBuilder();
            while (end < src.length() && src.charAt(end) != '`') {
                if (src.charAt(end) == '\\' && end + 1 < src.length() && "$`\\".indexOf(src.charAt(end + 1)) >= 0) {
                    end++;
                }
                inner.append(src.charAt(end++));
            }
            if (end >= src.length()) {
                throw new SyntaxError("syntax error: unterminated quoted string", true);
            }
            pos = end + 1;
            return new Ast.CmdSub(Parser.parse(inner.toString(), depth + 1), quoted);
        }
        char n = peekc(1);
        if (n == '(' && peekc(2) == '(') {
            int depth = 0;
            int i = pos + 3;
            for (; i < src.length(); i++) {
                char ch = src.charAt(i);
                if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                }
            }
            if (i + 1 >= src.length() || src.charAt(i + 1) != ')') {
                throw new SyntaxError("syntax error: unexpected end of file (expecting \")\")", true);
            }
            String expr = src.substring(pos + 3, i);
            pos = i + 2;
            return new Ast.Arith(arithWord(expr, depth + 1), quoted);
        }
        if (n == '(') {
            pos += 2;
            enter();
            Ast.Node body = subParser.get();
            leave();
            return new Ast.CmdSub(body, quoted);
        }
        if (n == '{') {
            int end = src.indexOf('}', pos + 2);
            if (end < 0) {
                throw new SyntaxError("syntax error: unterminated quoted string", true);
            }
            String inner = src.substring(pos + 2, end);
            pos = end + 1;
            return braceParam(inner, quoted);
        }
        if (Character.isLetter(n) || n == '_') {
            int i = pos + 1;
            while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                i++;
            }
            String name = src.substring(pos + 1, i);
            pos = i;
            return new Ast.Param(name, "", null, quoted);
        }
        if (Character.isDigit(n) || "?$#@*!-".indexOf(n) >= 0) {
            pos += 2;
            return new Ast.Param(String.valueOf(n), "", null, quoted);
        }
        return null;
    }

    private Ast.Part braceParam(String inner, boolean quoted) {
        if (inner.startsWith("#") && inner.length() > 1) {
            return new Ast.Param(inner.substring(1), "#", null, quoted);
        }
        int i = 0;
        while (i < inner.length() && (Character.isLetterOrDigit(inner.charAt(i)) || inner.charAt(i) == '_'
                || (i == 0 && "?$#@*!".indexOf(inner.charAt(i)) >= 0))) {
            i++;
        }
        String name = inner.substring(0, i);
        String rest = inner.substring(i);
        if (name.isEmpty()) {
            throw new SyntaxError("syntax error: bad substitution", false);
        }
        for (String op : new String[] {":-", ":=", ":+", "-", "=", "+"}) {
            if (rest.startsWith(op)) {
                return new Ast.Param(name, op, arithWord(rest.substring(op.length()), depth + 1), quoted);
            }
        }
        if (!rest.isEmpty()) {
            throw new SyntaxError("syntax error: bad substitution", false);
        }
        return new Ast.Param(name, "", null, quoted);
    }

    /** Text where only $-expansions are special (arithmetic, ${X:-default}): parsed like a quoted string. */
    private static Ast.Word arithWord(String text, int depth) {
        if (depth > MAX_DEPTH) {
            throw new SyntaxError("syntax error: nested more than " + MAX_DEPTH + " deep", false);
        }
        Lexer inner = new Lexer(text.replace("\"", "\\\"") + "\"", depth);
        inner.subParser = () -> Parser.subProgram(inner);
        List<Ast.Part> parts = new ArrayList<>();
        inner.readDoubleQuoted(parts);
        return new Ast.Word(parts);
    }

    private static void flush(List<Ast.Part> parts, StringBuilder lit) {
        if (lit.length() > 0) {
            parts.add(new Ast.Lit(lit.toString(), false));
            lit.setLength(0);
        }
    }

    private static void flushQuoted(List<Ast.Part> parts, StringBuilder lit) {
        if (lit.length() > 0) {
            parts.add(new Ast.Lit(lit.toString(), true));
            lit.setLength(0);
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
