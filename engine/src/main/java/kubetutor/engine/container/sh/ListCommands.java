package kubetutor.engine.container.sh;

import java.util.List;
import java.util.Map;

/**
 * busybox's seq: what a loop of requests counts with ({@code for i in $(seq 1 20); do wget -qO- web; done});
 * sort and uniq are ColumnCommands'.
 */
final class ListCommands {
    private ListCommands() {}

    static void register(Map<String, Command> t) {
        t.put("seq", ListCommands::seq);
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
}
