package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * uniq, cut, tr and tee: line and column tools, as busybox and GNU coreutils print them
 * (uniq -c's count right-aligned in seven columns, cut's ranges, tr's sets and classes).
 */
final class ColumnCommands {
    private ColumnCommands() {}

    static void register(java.util.Map<String, Command> t) {
        t.put("sort", SortCommand::run);
        t.put("uniq", ColumnCommands::uniq);
        t.put("cut", ColumnCommands::cut);
        t.put("tr", ColumnCommands::tr);
        t.put("tee", ColumnCommands::tee);
    }

    private static int uniq(Command.Ctx c, List<String> argv) {
        StringBuilder flags = new StringBuilder();
        List<String> ops = FileCommands.operands(argv, flags);
        String f = flags.toString();
        Optional<String> text = Inputs.read(c, "uniq", ops.isEmpty() ? "-" : ops.get(0));
        if (text.isEmpty()) {
            return 1;
        }
        boolean ignoreCase = f.contains("i");
        StringBuilder out = new StringBuilder();
        List<String> lines = TextCommands.lines(text.get());
        for (int i = 0; i < lines.size(); ) {
            int j = i + 1;
            while (j < lines.size() && (ignoreCase ? lines.get(j).equalsIgnoreCase(lines.get(i)) : lines.get(j).equals(lines.get(i)))) {
                j++;
            }
            int n = j - i;
            if (!(f.contains("d") && n == 1) && !(f.contains("u") && n > 1)) {
                out.append(f.contains("c") ? String.format(Locale.ROOT, "%7d ", n) : "").append(lines.get(i)).append('\n');
            }
            i = j;
        }
        c.out(out.toString());
        return 0;
    }

    private static int cut(Command.Ctx c, List<String> argv) {
        String delimiter = "\t";
        String list = null;
        boolean chars = false;
        boolean onlyDelimited = false;
        List<String> files = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("-") && a.length() > 1) {
                char f = a.charAt(1);
                String v = a.length() > 2 ? a.substring(2) : null;
                if ("dfcb".indexOf(f) >= 0 && v == null) {
                    if (i + 1 >= argv.size()) {
                        c.err("cut: option requires an argument -- '" + f + "'\nTry 'cut --help' for more information.\n");
                        return 1;
                    }
                    v = argv.get(++i);
                }
                switch (f) {
                    case 'd' -> delimiter = v.isEmpty() ? "\t" : v.substring(0, 1);
                    case 'f' -> list = v;
                    case 'c', 'b' -> {
                        list = v;
                        chars = true;
                    }
                    case 's' -> onlyDelimited = true;
                    default -> {
                        c.err("cut: invalid option -- '" + f + "'\nTry 'cut --help' for more information.\n");
                        return 1;
                    }
                }
            } else {
                files.add(a);
            }
        }
        if (list == null) {
            c.err("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
            return 1;
        }
        List<int[]> ranges = ranges(list);
        if (ranges == null) {
            c.err("cut: invalid field value '" + list + "'\nTry 'cut --help' for more information.\n");
            return 1;
        }
        StringBuilder out = new StringBuilder();
        int status = 0;
        for (String file : Inputs.orStdin(files)) {
            Optional<String> text = Inputs.read(c, "cut", file);
            if (text.isEmpty()) {
                status = 1;
                continue;
            }
            for (String line : TextCommands.lines(text.get())) {
                if (chars) {
                    StringBuilder picked = new StringBuilder();
                    for (int k = 0; k < line.length(); k++) {
                        if (selected(ranges, k + 1)) {
                            picked.append(line.charAt(k));
                        }
                    }
                    out.append(picked).append('\n');
                } else if (!line.contains(delimiter)) {
                    if (!onlyDelimited) {
                        out.append(line).append('\n');
                    }
                } else {
                    String[] fields = line.split(java.util.regex.Pattern.quote(delimiter), -1);
                    List<String> picked = new ArrayList<>();
                    for (int k = 0; k < fields.length; k++) {
                        if (selected(ranges, k + 1)) {
                            picked.add(fields[k]);
                        }
                    }
                    out.append(String.join(delimiter, picked)).append('\n');
                }
            }
        }
        c.out(out.toString());
        return status;
    }

    /** "1,3-5,7-": inclusive ranges from 1; null when malformed. */
    private static List<int[]> ranges(String list) {
        List<int[]> out = new ArrayList<>();
        for (String part : list.split(",")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]*)(-?)([0-9]*)").matcher(part);
            if (!m.matches() || part.isEmpty() || part.equals("-")) {
                return null;
            }
            int from = m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
            int to = m.group(2).isEmpty() ? from : m.group(3).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(m.group(3));
            if (from == 0) {
                return null;
            }
            out.add(new int[] {from, to});
        }
        return out;
    }

    private static boolean selected(List<int[]> ranges, int n) {
        for (int[] r : ranges) {
            if (n >= r[0] && n <= r[1]) {
                return true;
            }
        }
        return false;
    }

    private static int tr(Command.Ctx c, List<String> argv) {
        StringBuilder flags = new StringBuilder();
        List<String> sets = new ArrayList<>();
        for (String a : argv.subList(1, argv.size())) {
            if (a.matches("-[dsc]+") && sets.isEmpty()) {
                flags.append(a.substring(1));
            } else {
                sets.add(a);
            }
        }
        boolean delete = flags.indexOf("d") >= 0;
        boolean squeeze = flags.indexOf("s") >= 0;
        if (sets.isEmpty() || !delete && !squeeze && sets.size() < 2) {
            c.err(sets.isEmpty() ? "tr: missing operand\nTry 'tr --help' for more information.\n"
                    : "tr: missing operand after '" + sets.get(0) + "'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n");
            return 1;
        }
        String from = expandSet(sets.get(0));
        String to = sets.size() > 1 ? expandSet(sets.get(1)) : "";
        String squeezeSet = delete ? to : sets.size() > 1 ? to : from;
        StringBuilder out = new StringBuilder();
        String in = c.io().stdin();
        char last = 0;
        boolean hasLast = false;
        for (int i = 0; i < in.length(); i++) {
            char ch = in.charAt(i);
            int at = from.indexOf(ch);
            if (delete && at >= 0) {
                continue;
            }
            if (!delete && at >= 0 && !to.isEmpty()) {
                ch = to.charAt(Math.min(at, to.length() - 1));
            }
            if (squeeze && hasLast && ch == last && squeezeSet.indexOf(ch) >= 0) {
                continue;
            }
            out.append(ch);
            last = ch;
            hasLast = true;
        }
        c.out(out.toString());
        return 0;
    }

    /** A tr set with its ranges (a-z), classes ([:upper:]) and escapes (\n) written out. */
    private static String expandSet(String set) {
        set = set.replace("[:upper:]", "A-Z").replace("[:lower:]", "a-z").replace("[:digit:]", "0-9")
                .replace("[:alpha:]", "A-Za-z").replace("[:alnum:]", "0-9A-Za-z").replace("[:space:]", " \t\n\r\u000b\f")
                .replace("[:blank:]", " \t");
        String s = TextCommands.unescape(set);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i + 2 < s.length() && s.charAt(i + 1) == '-' && s.charAt(i) <= s.charAt(i + 2)) {
                for (char ch = s.charAt(i); ch <= s.charAt(i + 2); ch++) {
                    out.append(ch);
                }
                i += 2;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    private static int tee(Command.Ctx c, List<String> argv) {
        StringBuilder flags = new StringBuilder();
        List<String> files = FileCommands.operands(argv, flags);
        String in = c.io().stdin();
        int status = 0;
        for (String f : files) {
            String p = c.path(f);
            boolean ok = flags.indexOf("a") >= 0 ? c.fs().append(p, in, c.now()) : c.fs().write(p, in, c.now());
            if (!ok) {
                c.err("tee: " + f + ": No such file or directory\n");
                status = 1;
            }
        }
        c.out(in);
        return status;
    }
}
