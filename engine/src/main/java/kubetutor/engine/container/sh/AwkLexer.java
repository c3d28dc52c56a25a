package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.List;

/** awk's tokens: a regex literal is told from division by what came before it, as awk's grammar does. */
final class AwkLexer {
    enum Kind { NUMBER, STRING, REGEX, NAME, FUNC, BUILTIN_VAR, PUNCT, NEWLINE, EOF }

    record Token(Kind kind, String text, int line) {
        boolean is(String s) {
            return (kind == Kind.PUNCT || kind == Kind.NAME) && text.equals(s);
        }
    }

    static final class Error extends RuntimeException {
        Error(String message) {
            super(message, null, false, false);
        }
    }

    private static final List<String> PUNCTS = List.of("+=", "-=", "*=", "/=", "%=", "^=", "==", "<=", ">=", "!=", "++", "--",
            "&&", "||", "!~", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!", "<", ">", "=", "~",
            "?", ":", "$", "|");

    private AwkLexer() {}

    static List<Token> lex(String src) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\\' && i + 1 < src.length() && src.charAt(i + 1) == '\n') {
                i += 2;
                line++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '\n') {
                out.add(new Token(Kind.NEWLINE, "\n", line++));
                i++;
            } else if (c == '#') {
                while (i < src.length() && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < src.length() && src.charAt(i) != '"') {
                    char d = src.charAt(i);
                    if (d == '\\' && i + 1 < src.length()) {
                        char n = src.charAt(++i);
                        sb.append(switch (n) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            case '\\' -> '\\';
                            case '"' -> '"';
                            case '/' -> '/';
                            default -> {
                                sb.append('\\');
                                yield n;
                            }
                        });
                    } else {
                        sb.append(d);
                    }
                    i++;
                }
                if (i >= src.length()) {
                    throw new Error("line " + line + ": runaway string constant \"" + sb + " ...");
                }
                i++;
                out.add(new Token(Kind.STRING, sb.toString(), line));
            } else if (c == '/' && regexAllowed(out)) {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < src.length() && src.charAt(i) != '/') {
                    if (src.charAt(i) == '\\' && i + 1 < src.length()) {
                        if (src.charAt(i + 1) != '/') {
                            sb.append('\\');
                        }
                        i++;
                    }
                    if (src.charAt(i) == '\n') {
                        throw new Error("line " + line + ": runaway regular expression /" + sb + " ...");
                    }
                    sb.append(src.charAt(i++));
                }
                if (i >= src.length()) {
                    throw new Error("line " + line + ": runaway regular expression /" + sb + " ...");
                }
                i++;
                out.add(new Token(Kind.REGEX, sb.toString(), line));
            } else if (Character.isDigit(c) || c == '.' && i + 1 < src.length() && Character.isDigit(src.charAt(i + 1))) {
                int start = i;
                while (i < src.length() && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '.')) {
                    i++;
                }
                if (i < src.length() && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
                    int save = i++;
                    if (i < src.length() && (src.charAt(i) == '+' || src.charAt(i) == '-')) {
                        i++;
                    }
                    if (i < src.length() && Character.isDigit(src.charAt(i))) {
                        while (i < src.length() && Character.isDigit(src.charAt(i))) {
                            i++;
                        }
                    } else {
                        i = save;
                    }
                }
                out.add(new Token(Kind.NUMBER, src.substring(start, i), line));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                    i++;
                }
                String name = src.substring(start, i);
                boolean call = i < src.length() && src.charAt(i) == '(';
                out.add(new Token(call ? Kind.FUNC : Kind.NAME, name, line));
            } else {
                String p = null;
                for (String cand : PUNCTS) {
                    if (src.startsWith(cand, i)) {
                        p = cand;
                        break;
                    }
                }
                if (p == null) {
                    throw new Error("line " + line + ": syntax error at or near " + c);
                }
                out.add(new Token(Kind.PUNCT, p, line));
                i += p.length();
            }
        }
        out.add(new Token(Kind.EOF, "", line));
        return out;
    }

    /** After an operand a '/' divides; anywhere else it starts a regex. */
    private static boolean regexAllowed(List<Token> before) {
        if (before.isEmpty()) {
            return true;
        }
        Token t = before.get(before.size() - 1);
        return switch (t.kind()) {
            case NUMBER, STRING, REGEX, NAME, BUILTIN_VAR -> false;
            case PUNCT -> !(t.text().equals(")") || t.text().equals("]") || t.text().equals("$") || t.text().equals("++")
                    || t.text().equals("--"));
            default -> true;
        };
    }
}
