package kubetutor.engine.container.sh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one simple command: substitutions first (each may take simulated time), then expansion,
 * redirections, and the command itself. Builtins that start other work (sleep, sh, eval, exec)
 * push frames; everything else is a {@link Command} that finishes at once.
 */
final class SimpleFrame extends Machine.Frame {
    /** dispatch() results besides a status: work was pushed, or the stack was already changed. */
    private static final int PUSHED = -1;
    private static final int HANDLED = -2;

    private final Ast.Simple node;
    private Substitutions subs;
    private boolean waiting;
    private boolean execMode;

    SimpleFrame(Ast.Simple node, Io io) {
        super(io);
        this.node = node;
    }

    @Override
    Step step(Machine m) {
        if (waiting) {
            end(m, m.sh.status);
            return null;
        }
        if (subs == null) {
            subs = new Substitutions(node.words(), node.assigns(), node.redirs());
        }
        if (subs.pushNext(m, io)) {
            return null;
        }
        Shell sh = m.sh;
        try {
            List<String> argv = Expander.fields(node.words(), sh, subs.results);
            Map<String, String> assigns = new LinkedHashMap<>();
            for (Ast.Assign a : node.assigns()) {
                assigns.put(a.name(), Expander.string(a.value(), sh, subs.results));
            }
            Io cio = Redirections.apply(node.redirs(), io, sh, subs.results);
            if (cio == null) {
                m.finish(2);
                return null;
            }
            if (argv.isEmpty()) {
                sh.vars.putAll(assigns);
                m.finish(subs.lastStatus == null ? 0 : subs.lastStatus);
                return null;
            }
            int code = dispatch(m, argv, assigns, cio);
            if (code == PUSHED) {
                waiting = true;
            } else if (code != HANDLED) {
                end(m, code);
            }
        } catch (ShellError e) {
            io.err().write(sh.arg0 + ": " + e.getMessage() + "\n");
            if (sh.interactive) {
                m.finish(2);
            } else {
                m.exit(2);
            }
        }
        return null;
    }

    private void end(Machine m, int code) {
        if (execMode) {
            m.exit(code);
        } else {
            m.finish(code);
        }
    }

    private int dispatch(Machine m, List<String> argv, Map<String, String> assigns, Io cio) {
        Shell sh = m.sh;
        String name = Commands.canonical(argv.get(0));
        List<String> args = argv.subList(1, argv.size());
        switch (name) {
            case "sleep":
                return sleep(m, args, cio);
            case "sh":
            case "ash":
                return startShell(m, argv.get(0), args, assigns, cio);
            case "exec":
                if (args.isEmpty()) {
                    return 0;
                }
                // The command replaces the shell: its traps are gone, its status is the process's.
                execMode = true;
                sh.traps.clear();
                return dispatch(m, new ArrayList<>(args), assigns, cio);
            case "exit":
                m.exit(args.isEmpty() ? sh.status : number(sh, "exit", args.get(0)) & 0xff);
                return HANDLED;
            case "break":
            case "continue":
                m.leaveLoop(args.isEmpty() ? 1 : Math.max(1, number(sh, name, args.get(0))), name.equals("continue"));
                return HANDLED;
            case "eval":
                return runText(m, String.join(" ", args), cio);
            case ".":
            case "source":
                if (args.isEmpty() || !sh.host.fs().isFile(sh.resolve(args.get(0)))) {
                    cio.err().write(sh.msgPrefix(name, node.line()) + "can't open '" + (args.isEmpty() ? "" : args.get(0)) + "'\n");
                    return 2;
                }
                return runText(m, sh.host.fs().read(sh.resolve(args.get(0))).orElse(""), cio);
            default:
                break;
        }
        Command cmd = Commands.get(name);
        if (cmd != null) {
            try {
                return cmd.run(new Command.Ctx(sh, cio, assigns, node.line()), argv);
            } catch (Command.Spinning e) {
                m.push(new Frames.SpinFrame(cio));
                return PUSHED;
            } catch (Command.Waiting w) {
                m.push(new Frames.WaitFrame(w.duration, w.message, w.status, cio));
                return PUSHED;
            }
        }
        String path = sh.resolve(argv.get(0));
        if (argv.get(0).contains("/") && sh.host.fs().isFile(path)) {
            List<String> shArgs = new ArrayList<>(argv);
            return startShell(m, "sh", shArgs, assigns, cio);
        }
        cio.err().write(sh.arg0 + ": " + argv.get(0) + ": not found\n");
        return 127;
    }

    private int number(Shell sh, String builtin, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ShellError(builtin + ": line " + node.line() + ": Illegal number: " + text);
        }
    }

    private int sleep(Machine m, List<String> args, Io cio) {
        if (args.isEmpty()) {
            cio.err().write("Usage: sleep [N]...\n");
            return 1;
        }
        java.time.Duration total = java.time.Duration.ZERO;
        for (String a : args) {
            java.time.Duration d = Durations.parse(a);
            if (d == null) {
                cio.err().write("sleep: invalid number '" + a + "'\n");
                return 1;
            }
            total = total.plus(d);
        }
        if (total.isZero()) {
            return 0;
        }
        m.push(new Frames.SleepFrame(total, cio));
        return PUSHED;
    }

    private int runText(Machine m, String text, Io cio) {
        try {
            m.push(Frames.of(Parser.parse(text), cio));
            return PUSHED;
        } catch (SyntaxError e) {
            cio.err().write(m.sh.arg0 + ": " + e.getMessage() + "\n");
            return 2;
        }
    }

    private int startShell(Machine m, String invokedAs, List<String> args, Map<String, String> assigns, Io cio) {
        Machine child = shell(m.sh.child(assigns), invokedAs, args, cio, m.budget);
        m.push(new Frames.ChildFrame(child, cio, code -> {}));
        return PUSHED;
    }

    /**
     * A machine for {@code sh -c SCRIPT [NAME [ARGS]]}, {@code sh FILE [ARGS]}, or {@code sh} reading
     * its script from standard input. When the script cannot be read or parsed the machine has
     * already exited with status 2, its message printed as ash prints it.
     */
    static Machine shell(Shell child, String invokedAs, List<String> args, Io cio, Machine.Budget budget) {
        child.arg0 = invokedAs;
        String script;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && !args.get(i).contains("c")) {
            i++;
        }
        if (i < args.size() && args.get(i).startsWith("-")) {
            if (i + 1 >= args.size()) {
                return failed(child, cio, budget, invokedAs + ": -c requires an argument\n");
            }
            script = args.get(i + 1);
            List<String> rest = args.subList(i + 2, args.size());
            if (!rest.isEmpty()) {
                child.arg0 = rest.get(0);
                child.positional = new ArrayList<>(rest.subList(1, rest.size()));
            }
        } else if (i < args.size()) {
            String file = child.resolve(args.get(i));
            if (!child.host.fs().isFile(file)) {
                return failed(child, cio, budget, invokedAs + ": can't open '" + args.get(i) + "': No such file or directory\n");
            }
            script = child.host.fs().read(file).orElse("");
            child.arg0 = args.get(i);
            child.positional = new ArrayList<>(args.subList(i + 1, args.size()));
        } else {
            script = cio.stdin();
        }
        Machine machine = new Machine(child, budget);
        try {
            machine.push(Frames.of(Parser.parse(script), cio.withStdin("")));
        } catch (SyntaxError e) {
            cio.err().write(child.arg0 + ": " + e.getMessage() + "\n");
            machine.exit(2);
        }
        return machine;
    }

    private static Machine failed(Shell sh, Io cio, Machine.Budget budget, String message) {
        cio.err().write(message);
        Machine machine = new Machine(sh, budget);
        machine.exit(2);
        return machine;
    }
}
