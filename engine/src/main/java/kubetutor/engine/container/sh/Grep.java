package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * grep with the options learners pipe kubectl into (-i -v -c -n -w -x -o -q -l -h -H -s -E -F -r,
 * several -e, and context -A -B -C). Output as GNU grep and busybox grep both print it: "N:" before a matching
 * line with -n, "N-" before a context line, "--" between groups that do not touch.
 */
final class Grep {
    private boolean invert;
    private boolean count;
    private boolean quiet;
    private boolean numbers;
    private boolean onlyMatching;
    private boolean filesWithMatches;
    private boolean silent;
    private boolean recursive;
    private Boolean names;
    private int before;
    private int after;
    private Pattern pattern;
    private final Command.Ctx c;
    private final StringBuilder out = new StringBuilder();

    private Grep(Command.Ctx c) {
        this.c = c;
    }

    static int run(Command.Ctx c, List<String> argv) {
        return new Grep(c).grep(argv);
    }

    private int grep(List<String> argv) {
        boolean extended = argv.get(0).equals("egrep");
        boolean fixed = false;
        boolean ignoreCase = false;
        boolean word = false;
        boolean line = false;
        List<String> patterns = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        boolean done = false;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (done || !a.startsWith("-") || a.equals("-")) {
                ops.add(a);
                continue;
            }
            if (a.equals("--")) {
                done = true;
                continue;
            }
            if (a.startsWith("--")) {
                if (!a.startsWith("--color")) {
                    return usage("unrecognized option '" + a + "'");
                }
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char f = a.charAt(k);
                if ("ABCe".indexOf(f) >= 0) {
                    String v = k + 1 < a.length() ? a.substring(k + 1) : i + 1 < argv.size() ? argv.get(++i) : null;
                    if (v == null) {
                        return usage("option requires an argument -- '" + f + "'");
                    }
                    if (f == 'e') {
                        patterns.add(v);
                    } else if (!v.matches("[0-9]+")) {
                        c.err("grep: " + v + ": invalid context length argument\n");
                        return 2;
                    } else {
                        int n = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(v.length() > 10 ? "9999999999" : v));
                        after = f == 'B' ? after : n;
                        before = f == 'A' ? before : n;
                    }
                    break;
                }
                switch (f) {
                    case 'v' -> invert = true;
                    case 'c' -> count = true;
                    case 'q' -> quiet = true;
                    case 'n' -> numbers = true;
                    case 'i', 'y' -> ignoreCase = true;
                    case 'w' -> word = true;
                    case 'x' -> line = true;
                    case 'o' -> onlyMatching = true;
                    case 'l' -> filesWithMatches = true;
                    case 's' -> silent = true;
                    case 'h' -> names = false;
                    case 'H' -> names = true;
                    case 'E' -> extended = true;
                    case 'F' -> fixed = true;
                    case 'G' -> extended = false;
                    case 'r', 'R' -> recursive = true;
                    default -> {
                        return usage("invalid option -- '" + f + "'");
                    }
                }
            }
        }
        if (patterns.isEmpty()) {
            if (ops.isEmpty()) {
                return usage(null);
            }
            patterns.add(ops.remove(0));
        }
        try {
            List<String> alternatives = new ArrayList<>();
            for (String p : patterns) {
                for (String one : p.split("\n", -1)) {
                    alternatives.add(fixed ? Pattern.quote(one) : PosixRegex.translate(one, extended));
                }
            }
            String re = "(?:" + String.join("|", alternatives) + ")";
            re = line ? "^" + re + "$" : word ? "(?<![\\p{Alnum}_])" + re + "(?![\\p{Alnum}_])" : re;
            pattern = Pattern.compile(re, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            c.err("grep: " + describe(e) + "\n");
            return 2;
        }
        List<String> files = new ArrayList<>();
        boolean walked = false;
        if (recursive && ops.isEmpty()) {
            walk("", files); // GNU grep -r searches the working directory, its names without "./"
            walked = true;
        }
        for (String f : ops) {
            if (recursive && !f.equals("-") && c.fs().isDirectory(c.path(f))) {
                walk(f.endsWith("/") ? f : f + "/", files);
                walked = true;
            } else {
                files.add(f);
            }
        }
        files = walked ? files : Inputs.orStdin(files);
        boolean prefix = names != null ? names : files.size() > 1 || walked;
        boolean any = false;
        boolean failed = false;
        for (String f : files) {
            Optional<String> text = silent ? silentRead(f) : Inputs.read(c, "grep", f);
            if (text.isEmpty()) {
                failed = true;
                continue;
            }
            String shown = f.equals("-") ? "(standard input)" : f;
            int n = search(TextCommands.lines(text.get()), prefix ? shown : null);
            any |= n > 0;
            if (quiet && any) {
                return 0;
            }
            if (filesWithMatches && n > 0) {
                out.append(shown).append('\n');
            } else if (count && !filesWithMatches) {
                out.append(prefix ? shown + ":" : "").append(n).append('\n');
            }
        }
        if (!quiet) {
            c.out(out.toString());
        }
        return failed && !(quiet && any) ? 2 : any ? 0 : 1;
    }

    /** The files under a directory, depth first, in name order; {@code prefix} is the directory as named, with its "/". */
    private void walk(String prefix, List<String> into) {
        List<VirtualFs.Entry> entries = new ArrayList<>(c.fs().list(c.path(prefix.isEmpty() ? "." : prefix)));
        entries.sort(java.util.Comparator.comparing(VirtualFs.Entry::name));
        for (VirtualFs.Entry e : entries) {
            if (e.directory()) {
                walk(prefix + e.name() + "/", into);
            } else {
                into.add(prefix + e.name());
            }
        }
    }

    private Optional<String> silentRead(String f) {
        return f.equals("-") ? Optional.of(c.io().stdin()) : c.fs().read(c.path(f));
    }

    /** Prints the matches of one input (and their context); returns how many lines matched. */
    private int search(List<String> lines, String name) {
        boolean printLines = !count && !quiet && !filesWithMatches;
        int matched = 0;
        int lastPrinted = -1;
        int afterLeft = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean hit = pattern.matcher(l).find() != invert;
            if (hit) {
                matched++;
                if (!printLines) {
                    continue;
                }
                int from = Math.max(lastPrinted + 1, i - before);
                if (lastPrinted >= 0 && from > lastPrinted + 1 && (before > 0 || after > 0)) {
                    out.append("--\n");
                }
                for (int k = from; k < i; k++) {
                    emit(name, k, lines.get(k), '-');
                }
                if (onlyMatching) {
                    Matcher m = pattern.matcher(l);
                    while (!invert && m.find()) {
                        if (!m.group().isEmpty()) {
                            out.append(name == null ? "" : name + ":").append(numbers ? (i + 1) + ":" : "").append(m.group()).append('\n');
                        }
                    }
                } else {
                    emit(name, i, l, ':');
                }
                lastPrinted = i;
                afterLeft = after;
            } else if (printLines && afterLeft > 0) {
                emit(name, i, l, '-');
                lastPrinted = i;
                afterLeft--;
            }
        }
        return matched;
    }

    private void emit(String name, int index, String line, char sep) {
        if (name != null) {
            out.append(name).append(sep);
        }
        if (numbers) {
            out.append(index + 1).append(sep);
        }
        out.append(line).append('\n');
    }

    private int usage(String problem) {
        if (problem != null) {
            c.err("grep: " + problem + "\n");
        }
        c.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
        return 2;
    }

    /** GNU grep's words for a pattern it cannot compile. */
    private static String describe(PatternSyntaxException e) {
        String d = e.getDescription();
        if (d.startsWith("Unclosed character class") || d.startsWith("Unmatched [")) {
            return "Unmatched [, [^, [:, [., or [=";
        }
        if (d.startsWith("Unclosed group")) {
            return "Unmatched ( or \\(";
        }
        if (d.startsWith("Unmatched closing")) {
            return "Unmatched ) or \\)";
        }
        return "Invalid regular expression";
    }
}
