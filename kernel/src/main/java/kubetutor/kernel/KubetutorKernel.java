package kubetutor.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import kubetutor.engine.command.ScriptReader;
import kubetutor.engine.complete.Completer;
import kubetutor.engine.complete.Completion;
import kubetutor.engine.session.Session;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The kubetutor kernel: basekernel's hooks (completion, inspection, is-complete, history) over one
 * {@link Session}. The protocol handlers live in {@link Handlers}, which replaces basekernel 2.3.0's
 * own (replies without {@code status}, no reply to history_request, cells run on the shell thread).
 */
public final class KubetutorKernel extends BaseKernel {
    static final String VERSION = "0.1.0";

    private final KernelHistory history = new KernelHistory();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kubetutor-cell");
        t.setDaemon(true);
        return t;
    });
    private final IdleCollector idle = new IdleCollector(worker);
    /** Built on the worker, so cells queue behind it; kernel_info and the rest need not wait for it. */
    private final CompletableFuture<Parts> parts;

    /** What needs the session; booting the cluster is most of a start-up. */
    private record Parts(Session session, CellRunner runner, Completer completer, Inspector inspector) {
        static Parts of(Session session) {
            String prefix = "kubetutor-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            AtomicInteger displays = new AtomicInteger();
            return new Parts(session, new CellRunner(session, () -> prefix + displays.incrementAndGet()),
                    new Completer(session), new Inspector(session));
        }
    }

    public KubetutorKernel(Session session) {
        this.parts = CompletableFuture.completedFuture(Parts.of(session));
    }

    /** A kernel whose session is built on its worker thread while the sockets start answering. */
    public KubetutorKernel(Supplier<Session> session) {
        this.parts = CompletableFuture.supplyAsync(() -> Parts.of(session.get()), worker);
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        new Handlers(this).install(connection);
    }

    Session session() {
        return parts.join().session();
    }

    CellRunner runner() {
        return parts.join().runner();
    }

    ExecutorService worker() {
        return worker;
    }

    IdleCollector idle() {
        return idle;
    }

    KernelHistory history() {
        return history;
    }

    /** Cells never reach basekernel's eval: {@link Handlers} runs them on the worker thread. */
    @Override
    public DisplayData eval(String expr) {
        throw new UnsupportedOperationException("execute_request is handled by kubetutor.kernel.Handlers");
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("kubectl").version("1.32").mimetype("text/x-sh").fileExtension(".sh")
                .pygments("bash").codemirror("shell").build();
    }

    @Override
    public String getBanner() {
        return "kubetutor " + VERSION + ": a simulated Kubernetes cluster. Type kubectl commands, one per line.";
    }

    @Override
    public List<LanguageInfo.Help> getHelpLinks() {
        return List.of(new LanguageInfo.Help("kubectl reference", "https://kubernetes.io/docs/reference/kubectl/"));
    }

    /** The shell's completion (the engine's {@link Completer}), plus the kernel's magics at the start of a line. */
    @Override
    public ReplacementOptions complete(String code, int at) {
        int cursor = Math.min(Math.max(at, 0), code.length());
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String line = code.substring(lineStart, cursor);
        if (line.stripLeading().startsWith("%")) {
            String typed = line.strip();
            int start = lineStart + line.indexOf('%');
            List<String> magics = Magics.completions(typed, lineStart == 0);
            return new ReplacementOptions(typed.contains(" ") ? List.of() : magics, start, cursor);
        }
        Completion c = parts.join().completer().complete(code, cursor);
        return new ReplacementOptions(c.values(), c.start(), cursor);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        Optional<String> text = parts.join().inspector().inspect(code, at);
        if (text.isEmpty()) {
            return null;
        }
        DisplayData d = new DisplayData(text.get());
        d.putHTML("<pre>" + Html.escape(text.get()) + "</pre>");
        return d;
    }

    /** An open here-document, quote or trailing backslash needs more lines; a manifest or magic is whole. */
    @Override
    public String isComplete(String code) {
        if (code.strip().startsWith("%") || CellRunner.isManifest(code)) {
            return IS_COMPLETE_YES;
        }
        return Session.completeness(code) == ScriptReader.Completeness.COMPLETE ? IS_COMPLETE_YES : "";
    }

    @Override
    public HistoryManager getHistoryManager() {
        return history;
    }

    /** Called on the control thread: only sets the flag the running command's pacer checks. */
    @Override
    public void interrupt() {
        Parts p = parts.getNow(null);
        if (p != null) {
            p.runner().interrupt();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        interrupt();
        idle.shutdown();
        worker.shutdown();
    }
}
