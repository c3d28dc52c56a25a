package kubetutor.engine.container.sh;

import java.util.List;

/** test and [ : file tests, string and integer comparisons, !, -a and -o. */
final class TestCommand {
    private TestCommand() {}

    static int bracket(Command.Ctx c, List<String> argv) {
        if (!argv.get(argv.size() - 1).equals("]")) {
            c.err("[: missing ]\n");
            return 2;
        }
        return test(c, argv.subList(0, argv.size() - 1));
    }

    static int test(Command.Ctx c, List<String> argv) {
        String name = argv.get(0).equals("[") ? "[" : "test";
        try {
            return new Eval(c, argv.subList(1, argv.size())).run() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            c.err(name + ": " + e.getMessage() + "\n");
            return 2;
        }
    }

    private static final class Eval {
        private final Command.Ctx c;
        private final List<String> a;
        private int pos;

        Eval(Command.Ctx c, List<String> a) {
            this.c = c;
            this.a = a;
        }

        boolean run() {
            if (a.isEmpty()) {
                return false;
            }
            boolean v = or();
            if (pos < a.size()) {
                throw new IllegalArgumentException(a.get(pos) + ": unknown operand");
            }
            return v;
        }

        private boolean or() {
            boolean v = and();
            while (pos < a.size() && a.get(pos).equals("-o")) {
                pos++;
                v = and() || v;
            }
            return v;
        }

        private boolean and() {
            boolean v = primary();
            while (pos < a.size() && a.get(pos).equals("-a")) {
                pos++;
                v = primary() && v;
            }
            return v;
        }

        private String take() {
            if (pos >= a.size()) {
                throw new IllegalArgumentException("argument expected");
            }
            return a.get(pos++);
        }

        private boolean primary() {
            String t = take();
            if (t.equals("!") && pos < a.size()) {
                return !primary();
            }
            if (pos < a.size() && isBinary(a.get(pos)) && pos + 1 < a.size()) {
                String op = a.get(pos++);
                return binary(t, op, take());
            }
            if (t.length() == 2 && t.charAt(0) == '-' && pos < a.size() && "fdeznsrwx".indexOf(t.charAt(1)) >= 0) {
                String x = take();
                String p = c.path(x);
                return switch (t.charAt(1)) {
                    case 'f' -> c.fs().isFile(p);
                    case 'd' -> c.fs().isDirectory(p);
                    case 'e', 'r', 'w' -> c.fs().exists(p);
                    case 'x' -> c.fs().isDirectory(p) || Commands.executable(p, c.fs());
                    case 's' -> c.fs().stat(p).map(e -> e.size() > 0).orElse(false);
                    case 'z' -> x.isEmpty();
                    default -> !x.isEmpty();
                };
            }
            return !t.isEmpty();
        }

        private static boolean isBinary(String s) {
            return List.of("=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge").contains(s);
        }

        private boolean binary(String l, String op, String r) {
            switch (op) {
                case "=":
                case "==":
                    return l.equals(r);
                case "!=":
                    return !l.equals(r);
                default:
                    break;
            }
            long x = number(l);
            long y = number(r);
            return switch (op) {
                case "-eq" -> x == y;
                case "-ne" -> x != y;
                case "-lt" -> x < y;
                case "-le" -> x <= y;
                case "-gt" -> x > y;
                default -> x >= y;
            };
        }

        private static long number(String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid number '" + s + "'");
            }
        }
    }
}
