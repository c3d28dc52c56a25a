package kubetutor.engine.container.sh;

import kubetutor.engine.container.sh.AwkLexer.Kind;
import kubetutor.engine.container.sh.AwkLexer.Token;
import kubetutor.engine.container.sh.AwkParser.Expr;
import kubetutor.engine.container.sh.AwkParser.LValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** awk's expressions, with awk's precedence from ?: down to $ and grouping, concatenation included. */
abstract class AwkExpressions extends AwkTokens {
    private static final Set<String> BUILTINS = Set.of("length", "substr", "index", "split", "sub", "gsub", "match", "toupper",
            "tolower", "sprintf", "int", "sqrt", "log", "exp", "sin", "cos", "atan2", "rand", "srand", "system", "close");

    /** The program's functions, filled in as the parser meets them. */
    final Map<String, AwkCalls.Function> functions;
    /** Calls of functions not built in, checked against the program's functions once it is read. */
    private final List<Token> userCalls = new ArrayList<>();

    AwkExpressions(List<Token> tokens, Map<String, AwkCalls.Function> functions) {
        super(tokens);
        this.functions = functions;
    }

    /**
     * mawk refuses a program calling a function it never defines, before running any of it: once it
     * has read it all (the line past the last), each such function named, the last one first.
     */
    void checkCalls() {
        java.util.LinkedHashSet<String> undefined = new java.util.LinkedHashSet<>();
        for (int i = userCalls.size() - 1; i >= 0; i--) {
            if (!functions.containsKey(userCalls.get(i).text())) {
                undefined.add(userCalls.get(i).text());
            }
        }
        if (!undefined.isEmpty()) {
            String line = "line " + (tokens.get(tokens.size() - 1).line() + 1) + ": function ";
            throw new AwkLexer.Error(String.join("\nawk: ", undefined.stream().map(f -> line + f + " never defined").toList()));
        }
    }

    /** An expression; {@code noGreater} inside print, where ">" redirects. */
    Expr expr(boolean noGreater) {
        Expr left = ternary(noGreater);
        Token t = peek();
        if (left instanceof LValue lv && t.kind() == Kind.PUNCT && Set.of("=", "+=", "-=", "*=", "/=", "%=", "^=").contains(t.text())) {
            at++;
            optNewlines();
            Expr right = expr(noGreater);
            String op = t.text();
            return a -> {
                Object v = op.equals("=") ? right.eval(a) : AwkValues.arith(op.substring(0, 1), lv.eval(a), right.eval(a));
                if (v instanceof AwkValues.Strnum s) {
                    v = s.text();
                }
                lv.set(a, v);
                return v;
            };
        }
        return left;
    }

    Expr ternary(boolean ng) {
        Expr cond = or(ng);
        if (accept("?")) {
            optNewlines();
            Expr yes = ternary(ng);
            optNewlines();
            expect(":");
            optNewlines();
            Expr no = ternary(ng);
            return a -> AwkValues.truth(cond.eval(a)) ? yes.eval(a) : no.eval(a);
        }
        return cond;
    }

    Expr or(boolean ng) {
        Expr left = and(ng);
        while (accept("||")) {
            optNewlines();
            Expr l = left;
            Expr r = and(ng);
            left = a -> AwkValues.truth(l.eval(a)) || AwkValues.truth(r.eval(a)) ? 1.0 : 0.0;
        }
        return left;
    }

    Expr and(boolean ng) {
        Expr left = in(ng);
        while (accept("&&")) {
            optNewlines();
            Expr l = left;
            Expr r = in(ng);
            left = a -> AwkValues.truth(l.eval(a)) && AwkValues.truth(r.eval(a)) ? 1.0 : 0.0;
        }
        return left;
    }

    Expr in(boolean ng) {
        Expr left = match(ng);
        while (peek().is("in")) {
            at++;
            String array = next().text();
            Expr key = left;
            left = a -> a.array(array).containsKey(AwkValues.str(a, key.eval(a))) ? 1.0 : 0.0;
        }
        return left;
    }

    Expr match(boolean ng) {
        Expr left = comparison(ng);
        while (peek().is("~") || peek().is("!~")) {
            boolean negate = next().text().equals("!~");
            Expr l = left;
            Expr re = comparison(ng);
            left = a -> a.regex(re).matcher(AwkValues.str(a, l.eval(a))).find() != negate ? 1.0 : 0.0;
        }
        return left;
    }

    Expr comparison(boolean ng) {
        Expr left = concat(ng);
        // "cmd" | getline [var]: the pipe binds looser than concatenation ("echo " x | getline)
        while (peek().is("|") && at + 1 < tokens.size() && tokens.get(at + 1).is("getline")) {
            at += 2;
            left = commandGetline(left);
        }
        Token t = peek();
        if (t.kind() == Kind.PUNCT && Set.of("<", "<=", "==", "!=", ">=").contains(t.text()) || !ng && t.is(">")) {
            at++;
            Expr l = left;
            Expr r = concat(ng);
            String op = t.text();
            return a -> AwkValues.compare(a, op, l.eval(a), r.eval(a)) ? 1.0 : 0.0;
        }
        return left;
    }

    Expr concat(boolean ng) {
        Expr left = additive();
        while (startsOperand()) {
            Expr l = left;
            Expr r = additive();
            left = a -> AwkValues.str(a, l.eval(a)) + AwkValues.str(a, r.eval(a));
        }
        return left;
    }

    boolean startsOperand() {
        Token t = peek();
        return switch (t.kind()) {
            case NUMBER, STRING, FUNC, REGEX -> true;
            case NAME -> !t.text().equals("in") && !t.text().equals("else");
            case PUNCT -> t.is("$") || t.is("(") || t.is("!") || t.is("-") && false || t.is("++") || t.is("--");
            default -> false;
        };
    }

    Expr additive() {
        Expr left = multiplicative();
        while (peek().is("+") || peek().is("-")) {
            String op = next().text();
            Expr l = left;
            Expr r = multiplicative();
            left = a -> AwkValues.arith(op, l.eval(a), r.eval(a));
        }
        return left;
    }

    Expr multiplicative() {
        Expr left = unary();
        while (peek().is("*") || peek().is("/") || peek().is("%")) {
            String op = next().text();
            Expr l = left;
            Expr r = unary();
            left = a -> AwkValues.arith(op, l.eval(a), r.eval(a));
        }
        return left;
    }

    Expr unary() {
        if (accept("!")) {
            Expr e = unary();
            return a -> AwkValues.truth(e.eval(a)) ? 0.0 : 1.0;
        }
        if (accept("-")) {
            Expr e = unary();
            return a -> -AwkValues.num(e.eval(a));
        }
        if (accept("+")) {
            Expr e = unary();
            return a -> AwkValues.num(e.eval(a));
        }
        return power();
    }

    Expr power() {
        Expr base = postfix();
        if (accept("^")) {
            Expr exp = unary();
            return a -> Math.pow(AwkValues.num(base.eval(a)), AwkValues.num(exp.eval(a)));
        }
        return base;
    }

    Expr postfix() {
        if (peek().is("++") || peek().is("--")) {
            double d = next().text().equals("++") ? 1 : -1;
            if (!(primary() instanceof LValue lv)) {
                throw syntax();
            }
            return a -> {
                double v = AwkValues.num(lv.eval(a)) + d;
                lv.set(a, v);
                return v;
            };
        }
        Expr e = primary();
        if (e instanceof LValue lv && (peek().is("++") || peek().is("--"))) {
            double d = next().text().equals("++") ? 1 : -1;
            return a -> {
                double v = AwkValues.num(lv.eval(a));
                lv.set(a, v + d);
                return v;
            };
        }
        return e;
    }

    Expr primary() {
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
                return new AwkLValues.RegexLiteral(p);
            }
            case FUNC -> {
                return call(t);
            }
            case NAME -> {
                if (t.text().equals("getline")) {
                    return getline();
                }
                if (t.text().equals("length")) {
                    return a -> (double) a.field(0).length();
                }
                if (accept("[")) {
                    Expr key = expr(false);
                    while (accept(",")) {
                        Expr k1 = key;
                        Expr k2 = expr(false);
                        key = a -> AwkValues.str(a, k1.eval(a)) + "\u001c" + AwkValues.str(a, k2.eval(a));
                    }
                    expect("]");
                    return new AwkLValues.Element(t.text(), key);
                }
                return new AwkLValues.Variable(t.text());
            }
            case PUNCT -> {
                if (t.is("$")) {
                    Expr index = t.is("$") && peek().is("(") ? primary() : postfixless();
                    return new AwkLValues.Field(index);
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
    Expr postfixless() {
        if (peek().is("-")) {
            at++;
            Expr e = primary();
            return a -> -AwkValues.num(e.eval(a));
        }
        return primary();
    }

    /** CMD | getline [var]: the next line of what CMD (run by sh -c) writes. */
    private Expr commandGetline(Expr command) {
        LValue var = null;
        if (peek().is("$") || peek().kind() == Kind.NAME && !peek().is("in")) {
            if (!(primary() instanceof LValue lv)) {
                throw syntax();
            }
            var = lv;
        }
        LValue into = var;
        return a -> a.getlineFromCommand(into, command);
    }

    /** getline [var] [&lt; file]. */
    private Expr getline() {
        LValue var = null;
        if (peek().is("$") || peek().kind() == Kind.NAME && !peek().is("in")) {
            if (!(primary() instanceof LValue lv)) {
                throw syntax();
            }
            var = lv;
        }
        Expr file = accept("<") ? primary() : null;
        LValue into = var;
        return a -> a.getline(into, file);
    }

    Expr call(Token t) {
        String name = t.text();
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
            userCalls.add(t);
            return a -> a.calls.call(a, name, args);
        }
        return a -> AwkBuiltins.call(a, name, args);
    }
}
