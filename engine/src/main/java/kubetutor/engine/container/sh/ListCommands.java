package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * busybox's seq, sort and uniq: what a loop of requests needs to count its answers
 * ({@code for i in $(seq 1 20); do wget -qO- web; done | sort | uniq -c}).
 */
final class ListCommands {
    private ListCommands() {}

    static void register(Map<String, Command> t) {
        t.put("seq", ListCommands::seq);
        t.put("sort", ListCommands::sort);
        t.put("uniq", ListCommands::uniq);
    }

    /** seq [FIRST [INC]] LAST, whole numbers (what loops count with). */
    private static int seq(Command.Ctx c, List<String> argv) {
        List<String> args = argv.subList(1, argv.size());
        if (args.isEmpty() || args.size() > 3) {
            c.err("BusyBox v1.36.1 multi-call binary.\n\nUsage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n");
            return 1;
        }
        long[] n = new long[args.size()];
        for (int i = 0; i < n.length; i++) {
            try {
                n[i] = Long.parseLong(args.get(i));
            } catch (NumberFormatException e) {
                c.err("seq: invalid number '" + args.get(i) + "'\n");
                return 1;
            }
        }
        long first = n.length > 1 ? n[0] : 1;
        long inc = n.length == 3 ? n[1] : 1;
        long last = n[n.length - 1];
        StringBuilder out = new StringBuilder();
        for (long v = first; inc > 0 ? v <= last : inc < 0 && v >= last; v += inc) {
            out.append(v).append('\n');
            if (out.length() > ShProcess.OUTPUT_LIMIT) {
                break; // the caller's output limit stops it anyway; do not build more than that
            }
        }
        c.out(out.toString());
        return 0;
    }

    /** sort [-n] [-r] [FILE]: byte order (the C locale busybox has), or by leading number. */
    private static int sort(Command.Ctx c, List<String> argv) {
        StringBuilder flags = new StringBuilder();
        List<String> files = FileCommands.operands(argv, flags);
        Optional<List<String>> lines = read(c, "sort", files);
        if (lines.isEmpty()) {
            return 2;
        }
        Comparator<String> order = flags.indexOf("n") >= 0
                ? Comparator.comparingDouble(ListCommands::leadingNumber).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        List<String> sorted = new ArrayList<>(lines.get());
        sorted.sort(flags.indexOf("r") >= 0 ? order.reversed() : order);
        StringBuilder out = new StringBuilder();
        sorted.forEach(l -> out.append(l).append('\n'));
        c.out(out.toString());
        return 0;
    }

    /** uniq [-c] [FILE]: adjacent equal lines once, with their count in a seven-wide column under -c. */
    private static int uniq(Command.Ctx c, List<String> argv) {
        StringBuilder flags = new StringBuilder();
        List<String> files = FileCommands.operands(argv, flags);
        Optional<List<String>> lines = read(c, "uniq", files);
        if (lines.isEmpty()) {
            return 1;
        }
        boolean count = flags.indexOf("c") >= 0;
        StringBuilder out = new StringBuilder();
        List<String> l = lines.get();
        for (int i = 0; i < l.size(); ) {
            int j = i;
            while (j < l.size() && l.get(j).equals(l.get(i))) {
                j++;
            }
            out.append(count ? String.format(Locale.ROOT, "%7d ", j - i) : "").append(l.get(i)).append('\n');
            i = j;
        }
        c.out(out.toString());
        return 0;
    }

    private static Optional<List<String>> read(Command.Ctx c, String name, List<String> files) {
        String file = files.isEmpty() ? "-" : files.get(0);
        Optional<String> text = file.equals("-") ? Optional.of(c.io().stdin()) : c.fs().read(c.path(file));
        if (text.isEmpty()) {
            c.err(name + ": can't open '" + file + "': No such file or directory\n");
            return Optional.empty();
        }
        String t = text.get();
        if (t.isEmpty()) {
            return Optional.of(List.of());
        }
        return Optional.of(Arrays.asList((t.endsWith("\n") ? t.substring(0, t.length() - 1) : t).split("\n", -1)));
    }

    private static double leadingNumber(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*-?\\d+(\\.\\d+)?").matcher(line);
        return m.find() ? Double.parseDouble(m.group().trim()) : 0;
    }
}
