package kubetutor.kernel;

import kubetutor.engine.command.CommandInput;
import kubetutor.engine.command.ScriptReader;
import kubetutor.engine.session.InternalFailure;
import kubetutor.engine.session.Session;
import kubetutor.engine.workspace.TextEditor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one notebook cell against the session: the commands in it one by one (as the shell would),
 * a YAML manifest (applied as {@code kubectl apply -f -} would), or a magic. Like a script under
 * {@code set -e}, a cell stops at the first command that fails, and that failure becomes the
 * cell's error. Runs on the kernel's worker thread; {@link #interrupt()} may come from any thread.
 */
final class CellRunner {
    static final String HEREDOC_END = "__EOF__";

    private final Session session;
    private final KernelPacer pacer;
    private final Supplier<String> displayIds;
    private long lastCellEnd = System.nanoTime();

    /**
     * What kubectl edit gets in a notebook: it opens an editor in a terminal, and a kernel has no
     * terminal to give it. The message points at the notebook's own ways of changing an object.
     */
    static final TextEditor NO_EDITOR = TextEditor.refusing("kubectl edit opens an editor in a terminal, and a notebook has"
            + " none: put the changed manifest in a cell of its own (a YAML cell is applied as 'kubectl apply -f -' applies it),"
            + " or write it to a file with %%file and run 'kubectl apply -f FILE'");

    CellRunner(Session session, Supplier<String> displayIds) {
        this.session = session;
        this.pacer = new KernelPacer(session::clockMode);
        this.displayIds = displayIds;
        session.useEditor(NO_EDITOR);
        session.stdinIsTerminal(false);
    }

    void interrupt() {
        pacer.cancel();
    }

    /** Runs the cell, handing outputs to {@code out} as they appear. Returns the failure, or null when it succeeded. */
    KernelOutput.Failure run(String code, Consumer<KernelOutput> out) {
        pacer.reset();
        catchUpWithWallClock();
        try {
            return runCell(code, out);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // The kernel's boundary: a cell never ends the kernel, and no Java reaches the notebook (but with --debug).
            return KernelOutput.Failure.of("InternalError", InternalFailure.describe(e, "this cell") + "\n"
                    + InternalFailure.debugText(e));
        } finally {
            lastCellEnd = System.nanoTime();
        }
    }

    /** In realtime mode the cluster lives on between cells, as it does between commands in the shell. */
    private void catchUpWithWallClock() {
        var mode = session.clockMode();
        if (mode.realtime()) {
            long elapsed = (long) ((System.nanoTime() - lastCellEnd) * mode.speed());
            if (elapsed > 0) {
                session.advance(Duration.ofNanos(elapsed));
            }
        }
    }

    private KernelOutput.Failure runCell(String code, Consumer<KernelOutput> out) {
        String stripped = code.strip();
        if (stripped.isEmpty()) {
            return null;
        }
        if (stripped.startsWith("%%")) {
            return cellMagic(code, out);
        }
        String script = isManifest(code) ? applyScript(code) : lineMagics(code);
        if (script == null) {
            return KernelOutput.Failure.of("UsageError", unknownMagic(code));
        }
        List<CommandInput> commands;
        try {
            commands = ScriptReader.read(script);
        } catch (ScriptReader.Unreadable e) {
            // The session reports an unfinished here-document or quote the way sh does.
            return runOne(script, out);
        }
        int status = 0;
        for (int n = 0; n < commands.size(); n++) {
            CommandInput c = commands.get(n);
            if (!c.when().runsAfter(status)) {
                continue;
            }
            int[] result = new int[1];
            KernelOutput.Failure f = runOne(c.text(), out, result);
            status = result[0];
            boolean handled = n + 1 < commands.size() && commands.get(n + 1).when() == CommandInput.When.ON_FAILURE;
            if (f != null && !(handled && !f.ename().equals("KeyboardInterrupt"))) {
                return f; // a failure the cell does not handle with "||" ends it, as a failing line ends a script under set -e
            }
            if (f != null) {
                out.accept(KernelOutput.Stream.stderr(f.evalue() + "\n")); // handled: kubectl's message still shows
            }
        }
        return null;
    }

    private KernelOutput.Failure runOne(String text, Consumer<KernelOutput> out) {
        return runOne(text, out, new int[1]);
    }

    private KernelOutput.Failure runOne(String text, Consumer<KernelOutput> out, int[] status) {
        OutputRouter router = new OutputRouter(out, displayIds);
        pacer.onTick(router::tick);
        try {
            status[0] = session.execute(text, router, pacer);
        } finally {
            pacer.onTick(null);
            router.finish();
        }
        if (pacer.cancelled()) {
            return KernelOutput.Failure.of("KeyboardInterrupt", "Interrupted");
        }
        if (router.failed()) {
            String first = text.strip();
            boolean kubectl = first.startsWith("kubectl ") || first.equals("kubectl") || first.startsWith("k ");
            return KernelOutput.Failure.of(kubectl ? "KubectlError" : "CommandError", router.failureText());
        }
        return null;
    }

    /** A cell that is a manifest: it starts (after comments) with {@code apiVersion:} or a document marker. */
    static boolean isManifest(String code) {
        for (String line : code.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            return l.startsWith("apiVersion:") || l.equals("---") || l.startsWith("--- ");
        }
        return false;
    }

    static String applyScript(String manifest) {
        String body = manifest.endsWith("\n") ? manifest : manifest + "\n";
        // "<< 'END'" as two words: ScriptReader treats a quoted "<<'END'" word as a plain argument.
        return "kubectl apply -f - << '" + HEREDOC_END + "'\n" + body + HEREDOC_END + "\n";
    }

    /** {@code %reset}, {@code %sleep D} and {@code %lsmagic} lines become the session's own commands; null for an unknown magic. */
    static String lineMagics(String code) {
        StringBuilder sb = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            String l = line.strip();
            if (l.startsWith("%")) {
                String[] parts = l.substring(1).split("\\s+", 2);
                switch (parts[0]) {
                    case "reset" -> line = "reset";
                    case "lsmagic" -> line = Magics.listing().lines().map(m -> "echo '" + m + "'").collect(java.util.stream.Collectors.joining("\n"));
                    case "sleep" -> line = "sleep" + (parts.length > 1 ? " " + parts[1] : "");
                    default -> {
                        return null;
                    }
                }
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private static String unknownMagic(String code) {
        for (String line : code.split("\n")) {
            if (line.strip().startsWith("%")) {
                return "unknown magic " + line.strip().split("\\s+")[0] + " " + Magics.hint();
            }
        }
        return "unknown magic";
    }

    private KernelOutput.Failure cellMagic(String code, Consumer<KernelOutput> out) {
        String body = code.stripLeading();
        int nl = body.indexOf('\n');
        String header = (nl < 0 ? body : body.substring(0, nl)).strip();
        String content = nl < 0 ? "" : body.substring(nl + 1);
        String[] parts = header.substring(2).split("\\s+");
        if (!parts[0].equals("file")) {
            return KernelOutput.Failure.of("UsageError", "unknown cell magic %%" + parts[0] + " " + Magics.hint());
        }
        if (parts.length != 2) {
            return KernelOutput.Failure.of("UsageError", "usage: %%file NAME, then the file's lines");
        }
        Path file = session.resolve(parts[1]);
        if (file == null) {
            return KernelOutput.Failure.of("UsageError", "cannot write " + parts[1] + ": No such file or directory");
        }
        try {
            boolean existed = Files.exists(file);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, content.isEmpty() || content.endsWith("\n") ? content : content + "\n", StandardCharsets.UTF_8);
            out.accept(KernelOutput.Stream.stdout((existed ? "Overwrote " : "Wrote ") + parts[1] + "\n"));
            return null;
        } catch (IOException e) {
            // The operating system's message would name the host's path: say what sh would.
            String why = Files.isDirectory(file) ? "Is a directory"
                    : e instanceof java.nio.file.AccessDeniedException ? "Permission denied" : "No such file or directory";
            return KernelOutput.Failure.of("UsageError", "cannot write " + parts[1] + ": " + why);
        }
    }
}
