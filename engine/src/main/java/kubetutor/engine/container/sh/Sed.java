package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * sed's everyday part: -n, -e, -i, -E; addresses (N, $, /RE/, and ranges of them, with !); the
 * commands s///[gpNI], y///, p, d, q, =, and a, i, c with their text (GNU's one-line form too).
 * Messages as GNU sed words them.
 */
final class Sed {
    private sealed interface Address permits Line, Last, Match {}

    private record Line(int n) implements Address {}

    private record Last() implements Address {}

    private record Match(Pattern re) implements Address {}

    private static final class Cmd {
        Address from;
        Address to;
        boolean negate;
        boolean inRange;
        char name;
        Pattern re;
        String replacement;
        boolean global;
        boolean print;
        int occurrence = 1;
        /** a, i and c: the text; y: what each character of {@code fromChars} becomes. */
        String text;
        String fromChars;
    }

    /** A script that cannot be read, with GNU sed's message. */
    static final class Bad extends Exception {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private final List<Cmd> script = new ArrayList<>();
    private boolean quiet;
    private boolean extended;

    static int run(Command.Ctx c, List<String> argv) {
        return new Sed().sed(c, argv);
    }

    private int sed(Command.Ctx c, List<String> argv) {
        List<String> expressions = new ArrayList<>();
        List<String> files = new ArrayList<>();
        boolean inPlace = false;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-e") || a.equals("--expression")) {
                if (i + 1 >= argv.size()) {
                    c.err("sed: option requires an argument -- 'e'\n");
                    return 1;
                }
                expressions.add(argv.get(++i));
            } else if (a.startsWith("-i") || a.equals("--in-place")) {
                inPlace = true;
            } else if (a.matches("-[nErs]+")) {
                quiet |= a.contains("n");
                extended |= a.contains("E") || a.contains("r");
            } else if (a.startsWith("-") && a.length() > 1) {
                c.err("sed: invalid option -- '" + a.charAt(1) + "'\n");
                return 1;
            } else {
                files.add(a);
            }
        }
        if (expressions.isEmpty()) {
            if (files.isEmpty()) {
                c.err("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n");
                return 1;
            }
            expressions.add(files.remove(0));
        }
        try {
            for (int e = 0; e < expressions.size(); e++) {
                parse(expressions.get(e), e + 1);
            }
        } catch (Bad b) {
            c.err("sed: " + b.getMessage() + "\n");
            return 1;
        }
        if (inPlace && files.isEmpty()) {
            c.err("sed: no input files\n");
            return 1;
        }
        int status = 0;
        if (inPlace) {
            for (String f : files) {
                Optional<String> text = Inputs.read(c, "sed", f);
                if (text.isEmpty()) {
                    status = 2;
                    continue;
                }
                StringBuilder out = new StringBuilder();
                edit(TextCommands.lines(text.get()), out);
                c.fs().write(c.path(f), out.toString(), c.now());
            }
            return status;
        }
        List<String> lines = new ArrayList<>();
        for (String f : Inputs.orStdin(files)) {
            Optional<String> text = Inputs.read(c, "sed", f);
            if (text.isEmpty()) {
                status = 2;
                continue;
            }
            lines.addAll(TextCommands.lines(text.get()));
        }
        StringBuilder out = new StringBuilder();
        edit(lines, out);
        c.out(out.toString());
        return status;
    }

    private void edit(List<String> lines, StringBuilder out) {
        script.forEach(cmd -> cmd.inRange = false);
        for (int n = 1; n <= lines.size(); n++) {
            String space = lines.get(n - 1);
            boolean last = n == lines.size();
            boolean deleted = false;
            boolean quit = false;
            StringBuilder appended = new StringBuilder(); // a's text, printed when the cycle ends
            for (Cmd cmd : script) {
                if (!applies(cmd, n, last, space)) {
                    continue;
                }
                switch (cmd.name) {
                    case 'p' -> out.append(space).append('\n');
                    case '=' -> out.append(n).append('\n');
                    case 'd' -> deleted = true;
                    case 'q' -> quit = true;
                    case 'a' -> appended.append(cmd.text).append('\n');
                    case 'i' -> out.append(cmd.text).append('\n');
                    case 'c' -> {
                        // a range is changed as a whole: its text once, at its end (each line's with !)
                        if (cmd.to == null || !cmd.inRange || cmd.negate) {
                            out.append(cmd.text).append('\n');
                        }
                        deleted = true;
                    }
                    case 'y' -> space = transliterate(cmd, space);
                    default -> {
                        String replaced = substitute(cmd, space);
                        if (replaced != null) {
                            space = replaced;
                            if (cmd.print) {
                                out.append(space).append('\n');
                            }
                        }
                    }
                }
                if (deleted || quit) {
                    break;
                }
            }
            if (!deleted && !quiet) {
                out.append(space).append('\n');
            }
            out.append(appended);
            if (quit) {
                return;
            }
        }
    }

    private static String transliterate(Cmd cmd, String space) {
        StringBuilder out = new StringBuilder(space.length());
        for (char ch : space.toCharArray()) {
            int i = cmd.fromChars.indexOf(ch);
            out.append(i < 0 ? ch : cmd.text.charAt(i));
        }
        return out.toString();
    }

    private static boolean applies(Cmd cmd, int n, boolean last, String space) {
        boolean yes;
        if (cmd.from == null) {
            yes = true;
        } else if (cmd.to == null) {
            yes = matches(cmd.from, n, last, space);
        } else if (cmd.inRange) {
            yes = true;
            boolean ends = cmd.to instanceof Line l ? n >= l.n() : matches(cmd.to, n, last, space);
            cmd.inRange = !ends;
        } else {
            yes = matches(cmd.from, n, last, space);
            if (yes) {
                cmd.inRange = !(cmd.to instanceof Line l && l.n() <= n) && !(cmd.to instanceof Last && last);
            }
        }
        return yes != cmd.negate;
    }

    private static boolean matches(Address a, int n, boolean last, String space) {
        if (a instanceof Line l) {
            return l.n() == n;
        }
        return a instanceof Last ? last : ((Match) a).re().matcher(space).find();
    }

    private static String substitute(Cmd cmd, String space) {
        Matcher m = cmd.re.matcher(space);
        StringBuilder out = new StringBuilder();
        int at = 0;
        int seen = 0;
        boolean any = false;
        while (m.find()) {
            seen++;
            if (seen < cmd.occurrence) {
                continue;
            }
            out.append(space, at, m.start());
            out.append(replacement(cmd.replacement, m));
            at = m.end();
            any = true;
            if (!cmd.global) {
                break;
            }
        }
        return any ? out.append(space.substring(at)).toString() : null;
    }

    private static String replacement(String r, Matcher m) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
            char ch = r.charAt(i);
            if (ch == '&') {
                out.append(m.group());
            } else if (ch == '\\' && i + 1 < r.length()) {
                char n = r.charAt(++i);
                if (Character.isDigit(n) && n - '0' <= m.groupCount()) {
                    String g = m.group(n - '0');
                    out.append(g == null ? "" : g);
                } else {
                    out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
                }
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private void parse(String text, int expression) throws Bad {
        int[] pos = {0};
        while (true) {
            skip(text, pos, " \t\n;");
            if (pos[0] >= text.length()) {
                return;
            }
            Cmd cmd = new Cmd();
            cmd.from = address(text, pos, expression);
            if (cmd.from != null && pos[0] < text.length() && text.charAt(pos[0]) == ',') {
                pos[0]++;
                cmd.to = address(text, pos, expression);
                if (cmd.to == null) {
                    throw new Bad(where(expression, pos[0]) + "unexpected `,'");
                }
            }
            skip(text, pos, " \t");
            if (pos[0] < text.length() && text.charAt(pos[0]) == '!') {
                cmd.negate = true;
                pos[0]++;
                skip(text, pos, " \t");
            }
            if (pos[0] >= text.length()) {
                throw new Bad(where(expression, pos[0]) + "missing command");
            }
            cmd.name = text.charAt(pos[0]++);
            switch (cmd.name) {
                case 'p', 'd', 'q', '=' -> { }
                case 's' -> substitution(text, pos, cmd, expression);
                case 'a', 'i', 'c' -> cmd.text = SedText.text(text, pos, where(expression, pos[0]));
                case 'y' -> {
                    String[] pair = SedText.transliteration(text, pos, expression);
                    cmd.fromChars = pair[0];
                    cmd.text = pair[1];
                }
                default -> throw new Bad(where(expression, pos[0]) + "unknown command: `" + cmd.name + "'");
            }
            script.add(cmd);
            skip(text, pos, " \t");
            if (pos[0] < text.length() && ";\n}".indexOf(text.charAt(pos[0])) < 0) {
                throw new Bad(where(expression, pos[0] + 1) + "extra characters after command");
            }
        }
    }

    private Address address(String text, int[] pos, int expression) throws Bad {
        int i = pos[0];
        if (i < text.length() && text.charAt(i) == '$') {
            pos[0]++;
            return new Last();
        }
        if (i < text.length() && Character.isDigit(text.charAt(i))) {
            while (pos[0] < text.length() && Character.isDigit(text.charAt(pos[0]))) {
                pos[0]++;
            }
            int n = Integer.parseInt(text.substring(i, Math.min(pos[0], i + 9)));
            if (n == 0) {
                throw new Bad(where(expression, pos[0]) + "invalid usage of line address 0");
            }
            return new Line(n);
        }
        if (i < text.length() && text.charAt(i) == '/') {
            pos[0]++;
            String re = delimited(text, pos, '/', expression, "unterminated address regex");
            return new Match(compile(re, false, expression, pos[0]));
        }
        return null;
    }

    private void substitution(String text, int[] pos, Cmd cmd, int expression) throws Bad {
        if (pos[0] >= text.length()) {
            throw new Bad(where(expression, pos[0]) + "unterminated `s' command");
        }
        char delim = text.charAt(pos[0]++);
        String re = delimited(text, pos, delim, expression, "unterminated `s' command");
        cmd.replacement = delimited(text, pos, delim, expression, "unterminated `s' command");
        boolean ignoreCase = false;
        while (pos[0] < text.length() && ";\n} \t".indexOf(text.charAt(pos[0])) < 0) {
            char f = text.charAt(pos[0]++);
            if (f == 'g') {
                cmd.global = true;
            } else if (f == 'p') {
                cmd.print = true;
            } else if (f == 'i' || f == 'I') {
                ignoreCase = true;
            } else if (Character.isDigit(f)) {
                cmd.occurrence = f - '0';
            } else {
                throw new Bad(where(expression, pos[0]) + "unknown option to `s'");
            }
        }
        cmd.re = compile(re, ignoreCase, expression, pos[0]);
    }

    private Pattern compile(String re, boolean ignoreCase, int expression, int at) throws Bad {
        try {
            return PosixRegex.compile(re, extended, ignoreCase);
        } catch (PatternSyntaxException e) {
            throw new Bad(where(expression, at) + "Invalid regular expression");
        }
    }

    /** Text up to the unescaped {@code delim}; "\delim" stands for the delimiter itself. */
    static String delimited(String text, int[] pos, char delim, int expression, String unterminated) throws Bad {
        StringBuilder sb = new StringBuilder();
        for (int i = pos[0]; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                sb.append(n == delim ? String.valueOf(n) : "\\" + n);
            } else if (ch == delim) {
                pos[0] = i + 1;
                return sb.toString();
            } else {
                sb.append(ch);
            }
        }
        throw new Bad(where(expression, text.length()) + unterminated);
    }

    static void skip(String text, int[] pos, String chars) {
        while (pos[0] < text.length() && chars.indexOf(text.charAt(pos[0])) >= 0) {
            pos[0]++;
        }
    }

    static String where(int expression, int at) {
        return "-e expression #" + expression + ", char " + at + ": ";
    }
}
