package kubetutor.engine.container.sh;

import kubetutor.engine.container.sh.AwkLexer.Kind;
import kubetutor.engine.container.sh.AwkLexer.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * awk's grammar (POSIX, but for {@code cmd | getline}) to closures over the {@link Awk} runtime:
 * patterns and actions, user functions, print/printf (with > and >> to a file), if/while/for/for-in,
 * next, exit, return; the expressions are {@link AwkExpressions}'.
 */
final class AwkParser extends AwkExpressions {
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

    private AwkParser(List<Token> tokens, Map<String, AwkCalls.Function> functions) {
        super(tokens, functions);
    }

    /** The program; its functions go into {@code functions}. */
    static Program parse(String source, Map<String, AwkCalls.Function> functions) {
        AwkParser p = new AwkParser(AwkLexer.lex(source), functions);
        Program program = p.program();
        p.checkCalls();
        return program;
    }

    private Program program() {
        List<List<Stmt>> begin = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        List<List<Stmt>> end = new ArrayList<>();
        newlines();
        while (peek().kind() != Kind.EOF) {
            if (accept("function") || accept("func")) {
                function();
            } else if (accept("BEGIN")) {
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

    private void function() {
        Token name = next();
        if (name.kind() != Kind.NAME && name.kind() != Kind.FUNC || functions.containsKey(name.text())) {
            at--;
            throw syntax();
        }
        expect("(");
        List<String> params = new ArrayList<>();
        while (!accept(")")) {
            if (!params.isEmpty()) {
                expect(",");
                optNewlines();
            }
            Token p = next();
            if (p.kind() != Kind.NAME) {
                at--;
                throw syntax();
            }
            params.add(p.text());
        }
        // Registered before its body is read, so that it may call itself.
        List<Stmt> body = new ArrayList<>();
        functions.put(name.text(), new AwkCalls.Function(name.text(), List.copyOf(params), body));
        body.addAll(block());
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
                        return a -> (AwkValues.truth(cond.eval(a)) ? then : otherwise).run(a);
                    }
                    at = save;
                    return a -> {
                        if (AwkValues.truth(cond.eval(a))) {
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
                    return a -> a.loop(() -> AwkValues.truth(cond.eval(a)), body, null);
                }
                case "for" -> {
                    at++;
                    return forLoop();
                }
                case "next" -> {
                    at++;
                    return a -> {
                        throw new AwkJumps.Next();
                    };
                }
                case "exit" -> {
                    at++;
                    Expr code = ends() ? null : expr(false);
                    return a -> {
                        throw new AwkJumps.Exit(code == null ? a.exitCode : (int) AwkValues.num(code.eval(a)));
                    };
                }
                case "return" -> {
                    at++;
                    Expr value = ends() ? null : expr(false);
                    return a -> {
                        throw new AwkCalls.Return(value == null ? "" : value.eval(a));
                    };
                }
                case "break" -> {
                    at++;
                    return a -> {
                        throw new AwkJumps.Break();
                    };
                }
                case "continue" -> {
                    at++;
                    return a -> {
                        throw new AwkJumps.Continue();
                    };
                }
                case "delete" -> {
                    at++;
                    String name = next().text();
                    if (accept("[")) {
                        Expr key = expr(false);
                        expect("]");
                        return a -> a.array(name).remove(AwkValues.str(a, key.eval(a)));
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
                    } catch (AwkJumps.Break b) {
                        return;
                    } catch (AwkJumps.Continue c) {
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
            a.loop(() -> cond == null || AwkValues.truth(cond.eval(a)), body, step);
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
}
