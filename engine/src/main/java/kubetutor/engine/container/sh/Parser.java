package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for the sh subset; errors are worded as busybox ash's
 * ({@code syntax error: unexpected "done"}, {@code ... (expecting "fi")}). Parsing recurses on the
 * Java stack; running never does (see {@link Machine}).
 */
final class Parser {
    /** Reserved words that end a list: ash's tokendlist. */
    private static final Set<String> LIST_END = Set.of("then", "else", "elif", "fi", "do", "done", "}", "esac");

    private final Lexer lexer;
    private Lexer.Token peeked;

    private Parser(Lexer lexer) {
        this.lexer = lexer;
    }

    static Ast.Node parse(String script) {
        return parse(script, 0);
    }

    /** A script inside {@code depth} constructs of another (the text of `...`). */
    static Ast.Node parse(String script, int depth) {
        Lexer lexer = new Lexer(script, depth);
        Parser p = new Parser(lexer);
        lexer.subParser = () -> subProgram(lexer);
        Ast.Node list = p.list();
        Lexer.Token t = p.peek();
        if (t.kind() != Lexer.Kind.EOF) {
            throw p.unexpected(t, null);
        }
        return list;
    }

    /** The body of $( ... ), read from the enclosing lexer up to and including its ')'. */
    static Ast.Node subProgram(Lexer lexer) {
        Parser p = new Parser(lexer);
        Ast.Node list = p.list();
        p.expect(")");
        return list;
    }

    private Lexer.Token peek() {
        if (peeked == null) {
            peeked = lexer.next();
        }
        return peeked;
    }

    private Lexer.Token next() {
        Lexer.Token t = peek();
        peeked = null;
        return t;
    }

    private void skipNewlines() {
        while (peek().kind() == Lexer.Kind.NEWLINE) {
            next();
        }
    }

    private SyntaxError unexpected(Lexer.Token t, String expecting) {
        String what = switch (t.kind()) {
            case EOF -> "end of file";
            case NEWLINE -> "newline";
            case REDIR -> "redirection";
            case OP -> "\"" + t.text() + "\"";
            case WORD -> t.plain() && isReserved(t.text()) ? "\"" + t.text() + "\"" : "word";
        };
        String msg = "syntax error: unexpected " + what + (expecting == null ? "" : " (expecting \"" + expecting + "\")");
        return new SyntaxError(msg, t.kind() == Lexer.Kind.EOF);
    }

    private static boolean isReserved(String s) {
        return LIST_END.contains(s) || Set.of("if", "while", "until", "for", "in", "{", "!", "case").contains(s);
    }

    private void expect(String word) {
        Lexer.Token t = next();
        if (!t.is(word)) {
            throw unexpected(t, word);
        }
    }

    private boolean atListEnd(Lexer.Token t) {
        return t.kind() == Lexer.Kind.EOF || t.is(")") || t.is(";;") || (t.plain() && LIST_END.contains(t.text()));
    }

    private Ast.Node list() {
        skipNewlines();
        List<Ast.Node> items = new ArrayList<>();
        while (!atListEnd(peek())) {
            items.add(andOr());
            Lexer.Token t = peek();
            if (t.is(";") || t.is("&")) {
                // Background jobs are not simulated: "cmd &" runs in the foreground (documented limit).
                next();
                skipNewlines();
            } else if (t.kind() == Lexer.Kind.NEWLINE) {
                skipNewlines();
            } else {
                break;
            }
        }
        return items.size() == 1 ? items.get(0) : new Ast.Seq(items);
    }

    /** A list that must hold at least one command (the body of if/while/for/{ }). */
    private Ast.Node requiredList() {
        skipNewlines();
        if (atListEnd(peek())) {
            throw unexpected(peek(), null);
        }
        return list();
    }

    private Ast.Node andOr() {
        Ast.Node left = pipeline();
        while (peek().is("&&") || peek().is("||")) {
            boolean or = next().is("||");
            skipNewlines();
            left = new Ast.AndOr(left, or, pipeline());
        }
        return left;
    }

    private Ast.Node pipeline() {
        boolean negate = false;
        if (peek().plain() && peek().text().equals("!")) {
            next();
            negate = true;
        }
        List<Ast.Node> stages = new ArrayList<>();
        stages.add(command());
        while (peek().is("|")) {
            next();
            skipNewlines();
            stages.add(command());
        }
        Ast.Node p = stages.size() == 1 ? stages.get(0) : new Ast.Pipeline(stages);
        return negate ? new Ast.Not(p) : p;
    }

    private Ast.Node command() {
        lexer.enter();
        try {
            return commandAtDepth();
        } finally {
            lexer.leave();
        }
    }

    private Ast.Node commandAtDepth() {
        Lexer.Token t = peek();
        Ast.Node compound = null;
        if (t.is("(")) {
            next();
            Ast.Node body = requiredList();
            expect(")");
            compound = new Ast.Group(body, true);
        } else if (t.plain()) {
            switch (t.text()) {
                case "if" -> compound = ifClause();
                case "while", "until" -> {
                    next();
                    Ast.Node cond = requiredList();
                    expect("do");
                    Ast.Node body = requiredList();
                    expect("done");
                    compound = new Ast.Loop(cond, body, t.text().equals("until"));
                }
                case "for" -> compound = forClause();
                case "{" -> {
                    next();
                    Ast.Node body = requiredList();
                    expect("}");
                    compound = new Ast.Group(body, false);
                }
                default -> {
                    if (LIST_END.contains(t.text())) {
                        throw unexpected(t, null);
                    }
                }
            }
        }
        if (compound == null) {
            return simple();
        }
        List<Ast.Redir> redirs = new ArrayList<>();
        while (peek().kind() == Lexer.Kind.REDIR) {
            redirs.add(redir(next()));
        }
        return redirs.isEmpty() ? compound : new Ast.Redirected(compound, redirs);
    }

    private Ast.Node ifClause() {
        next();
        List<Ast.Node> conds = new ArrayList<>();
        List<Ast.Node> bodies = new ArrayList<>();
        conds.add(requiredList());
        expect("then");
        bodies.add(requiredList());
        Ast.Node orElse = null;
        while (true) {
            Lexer.Token t = next();
            if (t.is("elif")) {
                conds.add(requiredList());
                expect("then");
                bodies.add(requiredList());
            } else if (t.is("else")) {
                orElse = requiredList();
                expect("fi");
                break;
            } else if (t.is("fi")) {
                break;
            } else {
                throw unexpected(t, "fi");
            }
        }
        return new Ast.If(conds, bodies, orElse);
    }

    private Ast.Node forClause() {
        next();
        Lexer.Token name = next();
        if (!name.plain() || !name.text().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new SyntaxError("syntax error: bad for loop variable", false);
        }
        List<Ast.Word> words = null;
        skipNewlines();
        if (peek().is("in")) {
            next();
            words = new ArrayList<>();
            while (peek().kind() == Lexer.Kind.WORD) {
                words.add(next().word());
            }
            Lexer.Token sep = next();
            if (!sep.is(";") && sep.kind() != Lexer.Kind.NEWLINE) {
                throw unexpected(sep, null);
            }
        } else if (peek().is(";")) {
            next();
        }
        skipNewlines();
        expect("do");
        Ast.Node body = requiredList();
        expect("done");
        return new Ast.For(name.text(), words, body);
    }

    private Ast.Node simple() {
        List<Ast.Assign> assigns = new ArrayList<>();
        List<Ast.Word> words = new ArrayList<>();
        List<Ast.Redir> redirs = new ArrayList<>();
        int line = peek().line();
        while (true) {
            Lexer.Token t = peek();
            if (t.kind() == Lexer.Kind.REDIR) {
                redirs.add(redir(next()));
            } else if (t.kind() == Lexer.Kind.WORD) {
                next();
                Ast.Assign a = words.isEmpty() ? assignment(t) : null;
                if (a != null) {
                    assigns.add(a);
                } else {
                    words.add(t.word());
                }
            } else {
                break;
            }
        }
        if (assigns.isEmpty() && words.isEmpty() && redirs.isEmpty()) {
            throw unexpected(peek(), null);
        }
        return new Ast.Simple(assigns, words, redirs, line);
    }

    /** NAME=value, when NAME is unquoted: the value keeps the rest of the word's parts. */
    private static Ast.Assign assignment(Lexer.Token t) {
        List<Ast.Part> parts = t.word().parts();
        if (parts.isEmpty() || !(parts.get(0) instanceof Ast.Lit first) || first.quoted()) {
            return null;
        }
        int eq = first.text().indexOf('=');
        if (eq <= 0 || !first.text().substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return null;
        }
        List<Ast.Part> value = new ArrayList<>();
        if (eq + 1 < first.text().length()) {
            value.add(new Ast.Lit(first.text().substring(eq + 1), false));
        }
        value.addAll(parts.subList(1, parts.size()));
        return new Ast.Assign(first.text().substring(0, eq), new Ast.Word(value));
    }

    private Ast.Redir redir(Lexer.Token op) {
        Lexer.Token target = next();
        if (target.kind() != Lexer.Kind.WORD) {
            throw unexpected(target, null);
        }
        return new Ast.Redir(op.fd(), op.text(), target.word());
    }
}
