package kubetutor.engine.container.sh;

/** $(( ... )): integers with + - * / %, comparisons, && || ! and parentheses; names read variables. */
final class Arith {
    /** Parentheses and unary operators nest on the Java stack: ash's own limit is its C stack. */
    private static final int MAX_DEPTH = 200;

    private final String s;
    private final Shell sh;
    private int pos;
    private int depth;

    private Arith(String s, Shell sh) {
        this.s = s;
        this.sh = sh;
    }

    static long eval(String expr, Shell sh) {
        Arith a = new Arith(expr, sh);
        if (expr.isBlank()) {
            return 0;
        }
        long v = a.or();
        a.skip();
        if (a.pos < expr.length()) {
            throw new ShellError("arithmetic syntax error");
        }
        return v;
    }

    private void skip() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(String op) {
        skip();
        if (s.startsWith(op, pos)) {
            // "<" must not swallow "<=", "=" must not be the start of "==" handled elsewhere.
            pos += op.length();
            return true;
        }
        return false;
    }

    private long or() {
        long v = and();
        while (eat("||")) {
            long r = and();
            v = (v != 0 || r != 0) ? 1 : 0;
        }
        return v;
    }

    private long and() {
        long v = equality();
        while (eat("&&")) {
            long r = equality();
            v = (v != 0 && r != 0) ? 1 : 0;
        }
        return v;
    }

    private long equality() {
        long v = relational();
        while (true) {
            if (eat("==")) {
                v = v == relational() ? 1 : 0;
            } else if (eat("!=")) {
                v = v != relational() ? 1 : 0;
            } else {
                return v;
            }
        }
    }

    private long relational() {
        long v = additive();
        while (true) {
            if (eat("<=")) {
                v = v <= additive() ? 1 : 0;
            } else if (eat(">=")) {
                v = v >= additive() ? 1 : 0;
            } else if (eat("<")) {
                v = v < additive() ? 1 : 0;
            } else if (eat(">")) {
                v = v > additive() ? 1 : 0;
            } else {
                return v;
            }
        }
    }

    private long additive() {
        long v = term();
        while (true) {
            if (eat("+")) {
                v += term();
            } else if (eat("-")) {
                v -= term();
            } else {
                return v;
            }
        }
    }

    private long term() {
        long v = unary();
        while (true) {
            if (eat("*")) {
                v *= unary();
            } else if (eat("/") || peekMod()) {
                boolean mod = s.charAt(pos - 1) == '%';
                long r = unary();
                if (r == 0) {
                    throw new ShellError("divide by zero");
                }
                v = mod ? v % r : v / r;
            } else {
                return v;
            }
        }
    }

    private boolean peekMod() {
        return eat("%");
    }

    private long unary() {
        if (++depth > MAX_DEPTH) {
            throw new ShellError("arithmetic syntax error: nested more than " + MAX_DEPTH + " deep");
        }
        try {
            return unaryAtDepth();
        } finally {
            depth--;
        }
    }

    private long unaryAtDepth() {
        if (eat("-")) {
            return -unary();
        }
        if (eat("+")) {
            return unary();
        }
        if (eat("!")) {
            return unary() == 0 ? 1 : 0;
        }
        if (eat("(")) {
            long v = or();
            if (!eat(")")) {
                throw new ShellError("arithmetic syntax error");
            }
            return v;
        }
        skip();
        int start = pos;
        if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
                pos++;
            }
            return number(s.substring(start, pos));
        }
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw new ShellError("arithmetic syntax error");
        }
        String v = sh.get(s.substring(start, pos));
        return v == null || v.isBlank() ? 0 : number(v.strip());
    }

    private static long number(String text) {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseLong(text.substring(2), 16);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new ShellError("arithmetic syntax error");
        }
    }
}
