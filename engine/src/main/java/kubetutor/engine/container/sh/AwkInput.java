package kubetutor.engine.container.sh;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where awk's records come from: the operands in turn (var=value operands assigned when reached,
 * standard input for none), one cursor shared by the main loop and a plain {@code getline}, so a
 * getline takes the record the main loop would have had; and {@code getline < FILE}, each file read
 * from where the last getline on it stopped until {@code close(FILE)}.
 */
final class AwkInput {
    private final Command.Ctx c;
    private final List<String> operands;
    private int operand;
    private List<String> lines;
    private int line;
    /** Whether an operand could not be read: awk goes on with the next and exits 2. */
    boolean failed;
    private final Map<String, Cursor> files = new HashMap<>();
    private final Map<String, Cursor> commands = new HashMap<>();
    /** How long a command awk reads from may run: what a text filter gets at the prompt. */
    private static final java.time.Duration COMMAND_TIMEOUT = java.time.Duration.ofSeconds(10);

    private static final class Cursor {
        final List<String> lines;
        int at;

        Cursor(List<String> lines) {
            this.lines = lines;
        }
    }

    AwkInput(Command.Ctx c, List<String> operands) {
        this.c = c;
        boolean anyFile = operands.stream().anyMatch(o -> !isAssignment(o));
        this.operands = anyFile ? operands : append(operands, "-");
    }

    private static List<String> append(List<String> list, String last) {
        java.util.ArrayList<String> l = new java.util.ArrayList<>(list);
        l.add(last);
        return l;
    }

    static boolean isAssignment(String operand) {
        return operand.matches("[A-Za-z_][A-Za-z0-9_]*=.*");
    }

    /** The next record of the main input, NR and FNR counted; null at the end of the last operand. */
    String next(Awk a) {
        while (lines == null || line >= lines.size()) {
            if (operand >= operands.size()) {
                return null;
            }
            String o = operands.get(operand++);
            if (isAssignment(o)) {
                a.assign(o);
                continue;
            }
            Optional<String> text = Inputs.read(c, "awk", o);
            if (text.isEmpty()) {
                failed = true;
                continue;
            }
            lines = TextCommands.lines(text.get());
            line = 0;
            a.setVar("FILENAME", o); // mawk names standard input "-"
            a.setVar("FNR", 0.0);
        }
        a.setVar("NR", AwkValues.num(a.getVar("NR")) + 1);
        a.setVar("FNR", AwkValues.num(a.getVar("FNR")) + 1);
        return lines.get(line++);
    }

    /** What a getline got: awk's status (1 a line, 0 the end, -1 a file it cannot open) and the line. */
    record Got(int status, String line) {}

    /** getline &lt; FILE: the file's next line. */
    Got fromFile(String name) {
        Cursor cur = files.get(name);
        if (cur == null) {
            String p = c.path(name);
            Optional<String> text = name.equals("-") || name.equals("/dev/stdin") ? Optional.of(c.io().stdin())
                    : c.fs().isDirectory(p) ? Optional.empty() : c.fs().read(p);
            if (text.isEmpty()) {
                return new Got(-1, null);
            }
            cur = new Cursor(TextCommands.lines(text.get()));
            files.put(name, cur);
        }
        return cur.at < cur.lines.size() ? new Got(1, cur.lines.get(cur.at++)) : new Got(0, null);
    }

    /**
     * CMD | getline: the command's next output line. The first read runs it with sh -c in the same
     * container, to its end (what it writes on standard error goes to awk's); later reads of the same
     * text go on through that output until close(CMD).
     */
    Got fromCommand(String command) {
        Cursor cur = commands.get(command);
        if (cur == null) {
            kubetutor.engine.kubelet.ExecResult r = ShProcess.runToCompletion(List.of("sh", "-c", command), c.sh().host,
                    COMMAND_TIMEOUT);
            c.err(r.stderr());
            cur = new Cursor(TextCommands.lines(r.stdout()));
            commands.put(command, cur);
        }
        return cur.at < cur.lines.size() ? new Got(1, cur.lines.get(cur.at++)) : new Got(0, null);
    }

    /** close(FILE or CMD): 0 when it was open, -1 otherwise. */
    double close(String name) {
        boolean open = files.remove(name) != null;
        open |= commands.remove(name) != null;
        return open ? 0 : -1;
    }
}
