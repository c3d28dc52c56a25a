package kubetutor.engine.container.sh;

/**
 * {@code kubectl exec -it POD -- sh}: a shell session fed one line at a time. Variables and the
 * working directory persist between lines; an incomplete line (an open quote or loop) waits for
 * more, with the "> " prompt, as ash does.
 */
public final class InteractiveShell {
    private final Machine machine;
    private final StringBuilder pending = new StringBuilder();

    private InteractiveShell(Machine machine) {
        this.machine = machine;
    }

    public static InteractiveShell open(ProcessHost host) {
        Shell sh = Shell.fromEnvironment(host);
        sh.interactive = true;
        sh.pid = 13;
        Machine m = new Machine(sh, new Machine.Budget());
        m.interactive = true;
        return new InteractiveShell(m);
    }

    /** Runs one line. Returns WaitingForInput when the prompt is back, Sleep while a command sleeps, Exited after exit. */
    public Step feed(String line) {
        if (machine.exited) {
            return new Step.Exited(machine.exitCode);
        }
        if (!machine.stack.isEmpty()) {
            throw new IllegalStateException("the shell is still running a command; resume() it first");
        }
        pending.append(line).append('\n');
        Ast.Node program;
        try {
            program = Parser.parse(pending.toString());
        } catch (SyntaxError e) {
            if (!e.atEof) {
                pending.setLength(0);
                machine.sh.host.stderr(machine.sh.arg0 + ": " + e.getMessage() + "\n");
                machine.sh.status = 2;
            }
            return new Step.WaitingForInput();
        }
        pending.setLength(0);
        machine.push(Frames.of(program, new Io(Io.to(machine.sh.host::stdout), Io.to(machine.sh.host::stderr), "")));
        return resume();
    }

    /** Continues a command that returned Sleep. */
    public Step resume() {
        machine.budget.left = Machine.BUSY_STEPS;
        return machine.run();
    }

    /** Ctrl-C: the command running ends (SIGINT), and the prompt comes back with $? at 130. */
    public void interrupt() {
        if (!machine.exited) {
            machine.stack.clear();
            machine.sh.status = 130;
        }
    }

    /** busybox's PS1 for root, "\w # " (the home directory shown as ~), or "> " inside an unfinished command. */
    public String prompt() {
        if (pending.length() > 0) {
            return "> ";
        }
        String cwd = machine.sh.cwd;
        String home = machine.sh.get("HOME");
        if (home != null && !home.equals("/") && (cwd.equals(home) || cwd.startsWith(home + "/"))) {
            cwd = "~" + cwd.substring(home.length());
        }
        return cwd + " # ";
    }

    /** $? after the last line. */
    public int lastStatus() {
        return machine.sh.status;
    }
}
