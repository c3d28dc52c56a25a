package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * sort with -n -r -u -f -b -t SEP -k POS1[,POS2], comparing bytes as GNU sort does in the C
 * locale (and busybox always): fields start where a blank run starts unless -t or -b says
 * otherwise, and lines equal by their keys fall back to the whole line (not with -u).
 */
final class SortCommand {
    private record Key(int startField, int endField, boolean numeric, boolean reverse) {}

    private boolean numeric;
    private boolean reverse;
    private boolean unique;
    private boolean fold;
    private boolean skipBlanks;
    private Character separator;
    private final List<Key> keys = new ArrayList<>();

    static int run(Command.Ctx c, List<String> argv) {
        return new SortCommand().sort(c, argv);
    }

    private int sort(Command.Ctx c, List<String> argv) {
        List<String> files = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                files.add(a);
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char f = a.charAt(k);
                if (f == 'k' || f == 't' || f == 'o') {
                    String v = k + 1 < a.length() ? a.substring(k + 1) : i + 1 < argv.size() ? argv.get(++i) : null;
                    if (v == null) {
                        c.err("sort: option requires an argument -- '" + f + "'\nTry 'sort --help' for more information.\n");
                        return 2;
                    }
                    if (f == 'k') {
                        Key key = key(v);
                        if (key == null) {
                            c.err("sort: invalid number at field start: invalid count at start of '" + v + "'\n");
                            return 2;
                        }
                        keys.add(key);
                    } else if (f == 't') {
                        separator = v.charAt(0);
                    }
                    break;
                }
                switch (f) {
                    case 'n', 'g', 'h' -> numeric = true;
                    case 'r' -> reverse = true;
                    case 'u' -> unique = true;
                    case 'f' -> fold = true;
                    case 'b' -> skipBlanks = true;
                    case 's' -> { }
                    default -> {
                        c.err("sort: invalid option -- '" + f + "'\nTry 'sort --help' for more information.\n");
                        return 2;
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        int status = 0;
        for (String f : Inputs.orStdin(files)) {
            Optional<String> text = Inputs.read(c, "sort", f);
            if (text.isEmpty()) {
                return 2;
            }
            lines.addAll(TextCommands.lines(text.get()));
        }
        Comparator<String> byKeys = this::compareKeys;
        Comparator<String> order = unique ? byKeys : byKeys.thenComparing(SortCommand::bytes);
        lines.sort(reverse ? order.reversed() : order);
        StringBuilder out = new StringBuilder();
        String last = null;
        for (String l : lines) {
            if (unique && last != null && compareKeys(last, l) == 0) {
                continue;
            }
            out.append(l).append('\n');
            last = l;
        }
        c.out(out.toString());
        return status;
    }

    /** "2", "2,2", "3n", "2,3r": fields count from 1; a character offset (".N") is ignored. */
    private Key key(String spec) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)(?:\\.[0-9]+)?([a-zA-Z]*)(?:,([0-9]+)(?:\\.[0-9]+)?([a-zA-Z]*))?")
                .matcher(spec);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
            return null;
        }
        String opts = m.group(2) + (m.group(4) == null ? "" : m.group(4));
        return new Key(Integer.parseInt(m.group(1)), m.group(3) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(3)),
                opts.contains("n") || opts.contains("g") || opts.contains("h"), opts.contains("r"));
    }

    private int compareKeys(String a, String b) {
        if (keys.isEmpty()) {
            return compare(a, b, numeric);
        }
        for (Key k : keys) {
            int r = compare(field(a, k), field(b, k), k.numeric() || numeric);
            if (r != 0) {
                return k.reverse() ? -r : r;
            }
        }
        return 0;
    }

    private int compare(String a, String b, boolean asNumber) {
        if (asNumber) {
            return Double.compare(number(a), number(b));
        }
        if (skipBlanks) {
            a = a.stripLeading();
            b = b.stripLeading();
        }
        return fold ? bytes(a.toUpperCase(java.util.Locale.ROOT), b.toUpperCase(java.util.Locale.ROOT)) : bytes(a, b);
    }

    /** The text of key {@code k}: from the start of its first field to the end of its last. */
    private String field(String line, Key k) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        int n = line.length();
        if (separator != null) {
            int start = 0;
            for (int j = 0; j <= n; j++) {
                if (j == n || line.charAt(j) == separator) {
                    spans.add(new int[] {start, j});
                    start = j + 1;
                }
            }
        } else {
            while (i < n) {
                int start = i;
                while (i < n && Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                spans.add(new int[] {start, i});
            }
        }
        if (k.startField() > spans.size()) {
            return "";
        }
        int from = spans.get(k.startField() - 1)[0];
        int to = spans.get(Math.min(spans.size(), k.endField()) - 1)[1];
        return line.substring(from, Math.max(from, to));
    }

    /** sort -n's number: leading blanks, a sign, digits and a decimal point; anything else is 0. */
    private static double number(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(-?[0-9]*\\.?[0-9]+|-?[0-9]+)").matcher(s);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** Byte order of the UTF-8 text (the C locale's collation). */
    static int bytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
