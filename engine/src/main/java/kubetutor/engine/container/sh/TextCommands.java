package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** echo, printf, head, tail, wc: text in, text out (grep, sed, awk and the column tools have their own classes). */
final class TextCommands {
    private TextCommands() {}

    static void register(Map<String, Command> t) {
        t.put("echo", TextCommands::echo);
        t.put("printf", TextCommands::printf);
        t.put("grep", Grep::run);
        t.put("egrep", Grep::run);
        t.put("head", (c, a) -> headTail(c, a, true));
        t.put("tail", (c, a) -> headTail(c, a, false));
        t.put("wc", TextCommands::wc);
    }

    private static int echo(Command.Ctx c, List<String> argv) {
        boolean newline = true;
        boolean escapes = false;
        int i = 1;
        while (i < argv.size() && argv.get(i).matches("-[neE]+")) {
            for (char f : argv.get(i).substring(1).toCharArray()) {
                if (f == 'n') {
                    newline = false;
                } else {
                    escapes = f == 'e';
                }
            }
            i++;
        }
        String text = String.join(" ", argv.subList(i, argv.size()));
        if (escapes) {
            int stop = text.indexOf("\\c");
            if (stop >= 0) {
                text = text.substring(0, stop);
                newline = false;
            }
            text = unescape(text);
        }
        c.out(newline ? text + "\n" : text);
        return 0;
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 >= s.length()) {
                b.append(ch);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '\\' -> b.append('\\');
                case 'a' -> b.append('\u0007');
                case '0' -> {
                    int v = 0;
                    int k = 0;
                    while (k < 3 && i + 1 < s.length() && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7') {
                        v = v * 8 + (s.charAt(++i) - '0');
                        k++;
                    }
                    b.append((char) v);
                }
                default -> b.append('\\').append(n);
            }
        }
        return b.toString();
    }

    private static final Pattern SPEC = Pattern.compile("%([-0 +]*)([0-9]*)(\\.[0-9]+)?([sdicxXu%])");

    private static int printf(Command.Ctx c, List<String> argv) {
        if (argv.size() < 2) {
            c.err("printf: usage: printf FORMAT [ARGUMENT]...\n");
            return 1;
        }
        String format = unescape(argv.get(1));
        List<String> args = argv.subList(2, argv.size());
        int next = 0;
        int status = 0;
        StringBuilder out = new StringBuilder();
        do {
            Matcher m = SPEC.matcher(format);
            int last = 0;
            boolean consumed = false;
            while (m.find()) {
                out.append(format, last, m.start());
                last = m.end();
                char conv = m.group(4).charAt(0);
                if (conv == '%') {
                    out.append('%');
                    continue;
                }
                String arg = next < args.size() ? args.get(next++) : "";
                consumed = true;
                // A width of a billion is a billion characters to hold: the container pays for them first.
                long width = m.group(2).isEmpty() ? 0 : parseCapped(m.group(2));
                long precision = m.group(3) == null || conv == 's' || conv == 'c' ? 0 : parseCapped(m.group(3).substring(1));
                c.sh().host.memory().room(out.length() + Math.max(width, precision) + arg.length());
                String spec = "%" + m.group(1) + m.group(2) + (m.group(3) == null ? "" : m.group(3));
                if (conv == 's' || conv == 'c') {
                    out.append(String.format(Locale.ROOT, spec + "s", conv == 'c' && !arg.isEmpty() ? arg.substring(0, 1) : arg));
                } else {
                    long v;
                    try {
                        v = arg.isEmpty() ? 0 : Long.parseLong(arg.strip());
                    } catch (NumberFormatException e) {
                        c.err("printf: invalid number '" + arg + "'\n");
                        v = 0;
                        status = 1;
                    }
                    String jconv = conv == 'i' || conv == 'u' ? "d" : String.valueOf(conv);
                    out.append(String.format(Locale.ROOT, "%" + m.group(1) + m.group(2) + jconv, v));
                }
            }
            out.append(format.substring(last));
            if (!consumed) {
                break;
            }
        } while (next < args.size());
        c.out(out.toString());
        return status;
    }

    /** A width or precision; past a long it is still only "too much". */
    private static long parseCapped(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE / 2 : Long.parseLong(digits);
    }

    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\n", -1));
    }

    private static int headTail(Command.Ctx c, List<String> argv, boolean head) {
        String name = head ? "head" : "tail";
        int n = 10;
        boolean fromStart = false;
        List<String> files = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            String num = null;
            if (a.equals("-n") && i + 1 < argv.size()) {
                num = argv.get(++i);
            } else if (a.startsWith("-n")) {
                num = a.substring(2);
            } else if (a.matches("-[0-9]+")) {
                num = a.substring(1);
            } else {
                files.add(a);
                continue;
            }
            try {
                fromStart = num.startsWith("+");
                n = Integer.parseInt(fromStart ? num.substring(1) : num);
            } catch (NumberFormatException e) {
                c.err(name + ": invalid number '" + num + "'\n");
                return 1;
            }
        }
        int status = 0;
        for (String f : files.isEmpty() ? List.of("-") : files) {
            Optional<String> text = f.equals("-") ? Optional.of(c.io().stdin()) : c.fs().read(c.path(f));
            if (text.isEmpty()) {
                c.err(name + ": can't open '" + f + "': No such file or directory\n");
                status = 1;
                continue;
            }
            List<String> ls = lines(text.get());
            for (String l : head ? headLines(ls, n) : tailLines(ls, n, fromStart)) {
                c.out(l + "\n");
            }
        }
        return status;
    }

    /** busybox head: the first n lines; -n -N all but the last N. */
    private static List<String> headLines(List<String> ls, int n) {
        int end = n < 0 ? ls.size() + n : n;
        return ls.subList(0, Math.max(0, Math.min(end, ls.size())));
    }

    /** busybox tail: the last N lines (-n -N too); -n +N from line N on. */
    private static List<String> tailLines(List<String> ls, int n, boolean fromStart) {
        if (fromStart) {
            return ls.subList(Math.min(ls.size(), Math.max(0, n - 1)), ls.size());
        }
        long keep = Math.abs((long) n);
        return ls.subList((int) Math.max(0, ls.size() - keep), ls.size());
    }

    private static int wc(Command.Ctx c, List<String> argv) {
        StringBuilder flags = new StringBuilder();
        List<String> files = FileCommands.operands(argv, flags);
        String f = flags.length() == 0 ? "lwc" : flags.toString();
        int status = 0;
        for (String file : files.isEmpty() ? List.of("-") : files) {
            Optional<String> text = file.equals("-") ? Optional.of(c.io().stdin()) : c.fs().read(c.path(file));
            if (text.isEmpty()) {
                c.err("wc: can't open '" + file + "': No such file or directory\n");
                status = 1;
                continue;
            }
            String t = text.get();
            List<String> cols = new ArrayList<>();
            if (f.contains("l")) {
                cols.add(String.valueOf(t.chars().filter(ch -> ch == '\n').count()));
            }
            if (f.contains("w")) {
                cols.add(String.valueOf(t.isBlank() ? 0 : t.strip().split("\\s+").length));
            }
            if (f.contains("c")) {
                cols.add(String.valueOf(t.length()));
            }
            StringBuilder line = new StringBuilder();
            for (String col : cols) {
                line.append(cols.size() == 1 ? col : String.format(Locale.ROOT, "%9s", col));
            }
            c.out(line + (file.equals("-") ? "" : " " + file) + "\n");
        }
        return status;
    }
}
