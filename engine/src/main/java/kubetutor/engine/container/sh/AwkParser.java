package kubetutor.engine.container.sh;

import kubetutor.engine.container.sh.AwkLexer.Kind;
import kubetutor.engine.container.sh.AwkLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * awk's grammar (POSIX, without user functions and getline) to closures over the {@link Awk}
 * runtime: patterns and actions, print/printf (with > and >> to a file), if/while/for/for-in,
 * next, exit, and the expression operators with awk's precedence, concatenation included.
 */
final class AwkParser {
    interface Expr {
        Object eval(Awk a);
    }

    interface LValue extends Expr {
        void set(Awk a, Object v);
    }

    interface Stmt {
        void run(Awk a);
    }

    record Rule(Expr pattern, Expr rangeEnd, List<Stmt> action) {}

    record Program(List<List<Stmt>> begin, List<Rule> rules, List<List<Stmt>> end) {}

    private static final Set<String> BUILTINS = Set.of("length", "substr", "index", "split", "sub", "gsub", "match", "toupper",
            "tolower", "sprintf", "int", "sqrt", "log", "exp", "sin", "cos", "atan2", "rand", "srand", "system", "close");

    private final List<Token> tokens;
    private int at;

    private AwkParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Program parse(String source) {
        return new AwkParser(AwkLexer.lex(source)).program();
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        return tokens.get(at++);
    }

    private boolean accept(String p) {
        if (peek().is(p)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String p) {
        if (!accept(p)) {
            throw syntax();
        }
    }

    private AwkLexer.Error syntax() {
        Token t = peek();
        // mawk's words (Debian's and Ubuntu's awk): the line past the last one when the program ends too soon
        return new AwkLexer.Error(t.kind() == Kind.EOF ? "line " + (t.line() + 1) + ": missing } near end of file"
                : "line " + t.line() + ": syntax error at or near " + (t.kind() == Kind.NEWLINE ? "end of line" : t.text()));
    }

    private void newlines() {
        while (peek().kind() == Kind.NEWLINE || peek().is(";")) {
            at++;
        }
    }

    private void optNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            at++;
        }
    }

    private Program program() {
        List<List<Stmt>> begin = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<List<Stmt>> end = new ArrayList<>();
        newlines();
        while (peek().kind() != Kind.EOF) {
            if (accept("BEGIN")) {
                begin.add(block());
            } else if (accept("END")) {
                end.add(block());
            } else if (peek().is("{")) {
                rules.add(new Rule(null, null, block()));
            } else {
                Expr pattern = expr(false);
                Expr rangeEnd = accept(",") ? expr(false) : null;
                rules.add(new Rule(pattern, rangeEnd, peek().is("{") ? block() : null));
            }
            newlines();
        }
        return new Program(begin, rules, end);
    }

    private List<Stmt> block() {
        optNewlines();
        expect("{");
        List<Stmt> body = new ArrayList<>();
        newlines();
        while (!accept("}")) {
            if (peek().kind() == Kind.EOF) {
                throw syntax();
            }
            body.add(statement());
            newlines();
        }
        return body;
    }

    private Stmt statement() {
        if (peek().is("{")) {
            List<Stmt> body = block();
            return a -> body.forEach(s -> s.run(a));
        }
        Token t = peek();
        if (t.kind() == Kind.NAME || t.kind() == Kind.FUNC) {
            switch (t.text()) {
                case "print", "printf" -> {
                    at++;
                    return print(t.text().equals("printf"));
                }
                case "if" -> {
                    at++;
                    expect("(");
                    Expr cond = expr(false);
                    expect(")");
                    optNewlines();
                    Stmt then = statement();
                    int save = at;
                    newlines();
                    if (accept("else")) {
                        optNewlines();
                        Stmt otherwise = statement();
                        return a -> (Awk.truth(cond.eval(a)) ? then : otherwise).run(a);
                    }
                    at = save;
                    return a -> {
                        if (Awk.truth(cond.eval(a))) {
                            then.run(a);
                        }
                    };
                }
                case "while" -> {
                    at++;
                    expect("(");
                    Expr cond = expr(false);
                    expect(")");
                    optNewlines();
                    Stmt body = statement();
                    return a -> a.loop(() -> Awk.truth(cond.eval(a)), body, null);
                }
                case "for" -> {
                    at++;
                    return forLoop();
                }
                case "next" -> {
                    at++;
                    return a -> {
                        throw new Awk.Next();
                    };
                }
                case "exit" -> {
                    at++;
                    Expr code = ends() ? null : expr(false);
                    return a -> {
                        throw new Awk.Exit(code == null ? a.exitCode : (int) Awk.num(code.eval(a)));
                    };
                }
                case "break" -> {
                    at++;
                    return a -> {
                        throw new Awk.Break();
                    };
                }
                case "continue" -> {
                    at++;
                    return a -> {
                        throw new Awk.Continue();
                    };
                }
                case "delete" -> {
                    at++;
                    String name = next().text();
                    if (accept("[")) {
                        Expr key = expr(false);
                        expect("]");
                        return a -> a.array(name).remove(Awk.str(a, key.eval(a)));
                    }
                    return a -> a.array(name).clear();
                }
                default -> { }
            }
        }
        if (accept(";")) {
            return a -> { };
        }
        Expr e = expr(false);
        return e::eval;
    }

    private boolean ends() {
        return peek().kind() == Kind.NEWLINE || peek().kind() == Kind.EOF || peek().is(";") || peek().is("}");
    }

    private Stmt forLoop() {
        expect("(");
        if (peek().kind() == Kind.NAME && tokens.get(at + 1).is("in")) {
            String var = next().text();
            at++;
            String array = next().text();
            expect(")");
            optNewlines();
            Stmt body = statement();
            return a -> {
                for (String k : new ArrayList<>(a.array(array).keySet())) {
                    a.setVar(var, k);
                    try {
                        body.run(a);
                    } catch (Awk.Break b) {
                        return;
                    } catch (Awk.Continue c) {
                        // next key
                    }
                }
            };
        }
        Expr init = peek().is(";") ? null : expr(false);
        expect(";");
        optNewlines();
        Expr cond = peek().is(";") ? null : expr(false);
        expect(";");
        optNewlines();
        Expr step = peek().is(")") ? null : expr(false);
        expect(")");
        optNewlines();
        Stmt body = statement();
        return a -> {
            if (init != null) {
                init.eval(a);
            }
            a.loop(() -> cond == null || Awk.truth(cond.eval(a)), body, step);
        };
    }

    private Stmt print(boolean formatted) {
        List<Expr> args = new ArrayList<>();
        boolean parens = peek().is("(") && closesList();
        if (parens) {
            at++;
        }
        if (!ends() && !peek().is(">") && !peek().is(">>") && !peek().is("|")) {
            args.add(expr(!parens));
            while (accept(",")) {
                optNewlines();
                args.add(expr(!parens));
            }
        }
        if (parens) {
            expect(")");
        }
        Expr target = null;
        boolean append = false;
        if (accept(">")) {
            append = accept(">");
            target = concat(true);
        }
        if (formatted && args.isEmpty()) {
            throw syntax();
        }
        Expr file = target;
        boolean appending = append;
        return a -> a.print(formatted, args, file, appending);
    }

    /** Whether the "(" here opens a parenthesised print list that the statement ends after. */
    private boolean closesList() {
        int depth = 0;
        for (int i = at; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")") && --depth == 0) {
                Token after = tokens.get(i + 1);
                return after.kind() == Kind.NEWLINE || after.kind() == Kind.EOF || after.is(";") || after.is("}") || after.is(">");
            }
        }
        return false;
    }

    /** An expression; {@code noGreater} inside print, where ">" redirects. */
    private Expr expr(boolean noGreater) {
        Expr left = ternary(noGreater);
        Token t = peek();
        if (left instanceof LValue lv && t.kind() == Kind.PUNCT && Set.of("=", "+=", "-=", "*=", "/=", "%=", "^=").contains(t.text())) {
            at++;
            optNewlines();
            Expr right = expr(noGreater);
            String op = t.text();
            return a -> {
                Object v = op.equals("=") ? right.eval(a) : Awk.arith(op.substring(0, 1), lv.eval(a), right.eval(a));
                if (v instanceof Awk.Strnum s) {
                    v = s.text();
                }
                lv.set(a, v);
                return v;
            };
        }
        return left;
    }

    private Expr ternary(boolean ng) {
        Expr cond = or(ng);
        if (accept("?")) {
            optNewlines();
            Expr yes = ternary(ng);
            optNewlines();
            expect(":");
            optNewlines();
            Expr no = ternary(ng);
            return a -> Awk.truth(cond.eval(a)) ? yes.eval(a) : no.eval(a);
        }
        return cond;
    }

    private Expr or(boolean ng) {
        Expr left = and(ng);
        while (accept("||")) {
            optNewlines();
            Expr l = left;
            Expr r = and(ng);
            left = a -> Awk.truth(l.eval(a)) || Awk.truth(r.eval(a)) ? 1.0 : 0.0;
        }
        return left;
    }

    private Expr and(boolean ng) {
        Expr left = in(ng);
        while (accept("&&")) {
            optNewlines();
            Expr l = left;
            Expr r = in(ng);
            left = a -> Awk.truth(l.eval(a)) && Awk.truth(r.eval(a)) ? 1.0 : 0.0;
        }
        return left;
    }

    private Expr in(boolean ng) {
        Expr left = match(ng);
        while (peek().is("in")) {
            at++;
            String array = next().text();
            Expr key = left;
            left = a -> a.array(array).containsKey(Awk.str(a, key.eval(a))) ? 1.0 : 0.0;
        }
        return left;
    }

    private Expr match(boolean ng) {
        Expr left = comparison(ng);
        while (peek().is("~") || peek().is("!~")) {
            boolean negate = next().text().equals("!~");
            Expr l = left;
            Expr re = comparison(ng);
            left = a -> a.regex(re).matcher(Awk.str(a, l.eval(a))).find() != negate ? 1.0 : 0.0;
        }
        return left;
    }

    private Expr comparison(boolean ng) {
        Expr left = concat(ng);
        Token t = peek();
        if (t.kind() == Kind.PUNCT && Set.of("<", "<=", "==", "!=", ">=").contains(t.text()) || !ng && t.is(">")) {
            at++;
            Expr l = left;
            Expr r = concat(ng);
            String op = t.text();
            return a -> Awk.compare(a, op, l.eval(a), r.eval(a)) ? 1.0 : 0.0;
        }
        return left;
    }

    private Expr concat(boolean ng) {
        Expr left = additive();
        while (startsOperand()) {
            Expr l = left;
            Expr r = additive();
            left = a -> Awk.str(a, l.eval(a)) + Awk.str(a, r.eval(a));
        }
        return left;
    }

    private boolean startsOperand() {
        Token t = peek();
        return switch (t.kind()) {
            case NUMBER, STRING, FUNC, REGEX -> true;
            case NAME -> !t.text().equals("in") && !t.text().equals("else");
            case PUNCT -> t.is("$") || t.is("(") || t.is("!") || t.is("-") && false || t.is("++") || t.is("--");
            default -> false;
        };
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            String op = next().text();
            Expr l = left;
            Expr r = multiplicative();
            left = a -> Awk.arith(op, l.eval(a), r.eval(a));
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            String op = next().text();
            Expr l = left;
            Expr r = unary();
            left = a -> Awk.arith(op, l.eval(a), r.eval(a));
        }
        return left;
    }

    private Expr unary() {
        if (accept("!")) {
            Expr e = unary();
            return a -> Awk.truth(e.eval(a)) ? 0.0 : 1.0;
        }
        if (accept("-")) {
            Expr e = unary();
            return a -> -Awk.num(e.eval(a));
        }
        if (accept("+")) {
            Expr e = unary();
            return a -> Awk.num(e.eval(a));
        }
        return power();
    }

    private Expr power() {
        Expr base = postfix();
        if (accept("^")) {
            Expr exp = unary();
            return a -> Math.pow(Awk.num(base.eval(a)), Awk.num(exp.eval(a)));
        }
        return base;
    }

    private Expr postfix() {
        if (peek().is("++") || peek().is("--")) {
            double d = next().text().equals("++") ? 1 : -1;
            if (!(primary() instanceof LValue lv)) {
                throw syntax();
            }
            return a -> {
                double v = Awk.num(lv.eval(a)) + d;
                lv.set(a, v);
                return v;
            };
        }
        Expr e = primary();
        if (e instanceof LValue lv && (peek().is("++") || peek().is("--"))) {
            double d = next().text().equals("++") ? 1 : -1;
            return a -> {
                double v = Awk.num(lv.eval(a));
                lv.set(a, v + d);
                return v;
            };
        }
        return e;
    }

    private Expr primary() {
        Token t = next();
        switch (t.kind()) {
            case NUMBER -> {
                double v = Double.parseDouble(t.text());
                return a -> v;
            }
            case STRING -> {
                return a -> t.text();
            }
            case REGEX -> {
                java.util.regex.Pattern p = Awk.compile(t.text());
                return new Awk.RegexLiteral(p);
            }
            case FUNC -> {
                return call(t.text());
            }
            case NAME -> {
                if (t.text().equals("length")) {
                    return a -> (double) a.field(0).length();
                }
                if (accept("[")) {
                    Expr key = expr(false);
                    while (accept(",")) {
                        Expr k1 = key;
                        Expr k2 = expr(false);
                        key = a -> Awk.str(a, k1.eval(a)) + "\u001c" + Awk.str(a, k2.eval(a));
                    }
                    expect("]");
                    return new Awk.Element(t.text(), key);
                }
                return new Awk.Variable(t.text());
            }
            case PUNCT -> {
                if (t.is("$")) {
                    Expr index = t.is("$") && peek().is("(") ? primary() : postfixless();
                    return new Awk.Field(index);
                }
                if (t.is("(")) {
                    Expr e = expr(false);
                    expect(")");
                    return e;
                }
            }
            default -> { }
        }
        at--;
        throw syntax();
    }

    /** What $ applies to: a number, a variable, another $ or a parenthesised expression (not i++). */
    private Expr postfixless() {
        if (peek().is("-")) {
            at++;
            Expr e = primary();
            return a -> -Awk.num(e.eval(a));
        }
        return primary();
    }

    private Expr call(String name) {
        expect("(");
        List<Expr> args = new ArrayList<>();
        if (!peek().is(")")) {
            args.add(expr(false));
            while (accept(",")) {
                optNewlines();
                args.add(expr(false));
            }
        }
        expect(")");
        if (!BUILTINS.contains(name)) {
            throw new AwkLexer.Error("line " + peek().line() + ": function " + name + " never defined");
        }
        return a -> AwkBuiltins.call(a, name, args);
    }
}
