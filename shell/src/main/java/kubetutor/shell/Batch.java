package kubetutor.shell;

import kubetutor.engine.command.ScriptReader;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.sim.Pacer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Batch mode: commands from a script or from standard input, plain text out (stdout and stderr
 * as kubectl writes them), the clock moving only with sleep and watches.
 */
public final class Batch {
    private final Session session;
    private final PrintStream out;
    private final PrintStream err;

    public Batch(Session session, PrintStream out, PrintStream err) {
        this.session = session;
        this.out = out;
        this.err = err;
    }

    /** Runs one command line (-c). Returns its exit status. */
    public int runOne(String text) {
        int status = session.execute(text, this::print, Pacer.IMMEDIATE);
        out.flush();
        err.flush();
        return status;
    }

    /** Runs a script, command by command, as they become complete. Returns the last exit status. */
    public int runScript(BufferedReader in) throws IOException {
        StringBuilder pending = new StringBuilder();
        int status = 0;
        String line;
        String awaited = null;
        while ((line = in.readLine()) != null) {
            pending.append(line).append('\n');
            if (awaited != null && !line.replaceFirst("^\t+", "").equals(awaited)) {
                continue; // inside a here-document: only its delimiter can end the command
            }
            awaited = null;
            if (ScriptReader.check(pending.toString()) != ScriptReader.Completeness.COMPLETE) {
                awaited = ScriptReader.awaitedDelimiter(pending.toString());
            } else {
                String text = pending.toString();
                pending.setLength(0);
                // "exit" ends the script, unless it is typed to a container shell (kubectl exec -it).
                if (text.strip().equals("exit") && session.terminal().isEmpty()) {
                    break;
                }
                status = session.execute(text, this::print, Pacer.IMMEDIATE);
            }
        }
        if (!pending.isEmpty()) {
            status = session.execute(pending.toString(), this::print, Pacer.IMMEDIATE);
        }
        out.flush();
        err.flush();
        return status;
    }

    /**
     * Runs an outside program (kubectl edit's editor) with this process's own standard streams, after
     * what was printed so far, so that it appears in order.
     */
    int runExternal(java.util.List<String> command, java.nio.file.Path directory) throws IOException, InterruptedException {
        out.flush();
        err.flush();
        return new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start().waitFor();
    }

    private void print(Output o) {
        if (o instanceof Output.Error) {
            out.flush();
            err.print(PlainText.render(o));
            err.flush();
        } else {
            out.print(PlainText.render(o));
        }
    }
}
