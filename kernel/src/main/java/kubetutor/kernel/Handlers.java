package kubetutor.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.CompleteRequest;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import io.github.spencerpark.jupyter.messages.request.InspectRequest;
import io.github.spencerpark.jupyter.messages.request.IsCompleteRequest;
import io.github.spencerpark.jupyter.messages.request.ShutdownRequest;
import kubetutor.engine.session.InternalFailure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Our shell and control handlers, installed over basekernel's. Every reply carries {@code status},
 * a history_request is always answered, and a cell runs on the kernel's worker thread while the
 * shell thread waits for it (so requests stay in order and the shell loop is never interrupted).
 * Contents are plain maps, which basekernel's gson writes as they are.
 */
final class Handlers {
    private final KubetutorKernel kernel;
    private final AtomicInteger executionCount = new AtomicInteger();
    private JupyterConnection connection;

    Handlers(KubetutorKernel kernel) {
        this.kernel = kernel;
    }

    void install(JupyterConnection c) {
        this.connection = c;
        c.setHandler(MessageType.EXECUTE_REQUEST, busy(this::execute));
        c.setHandler(MessageType.KERNEL_INFO_REQUEST, busy((env, msg) -> reply(env, MessageType.KERNEL_INFO_REPLY, kernelInfo())));
        c.setHandler(MessageType.COMPLETE_REQUEST, busy(this::complete));
        c.setHandler(MessageType.INSPECT_REQUEST, busy(this::inspect));
        c.setHandler(MessageType.IS_COMPLETE_REQUEST, busy(this::isComplete));
        c.setHandler(MessageType.HISTORY_REQUEST, busy(this::history));
        c.setHandler(MessageType.COMM_INFO_REQUEST, busy((env, msg) -> reply(env, MessageType.COMM_INFO_REPLY, ok("comms", Map.of()))));
        c.setHandler(MessageType.INTERRUPT_REQUEST, busy((env, msg) -> {
            kernel.interrupt();
            reply(env, MessageType.INTERRUPT_REPLY, ok());
        }));
        c.setHandler(MessageType.SHUTDOWN_REQUEST, busy(this::shutdown));
    }

    /** Every request is framed by busy and idle on IOPub; idle goes out after the reply. */
    private static <T> ShellHandler<T> busy(ShellHandler<T> h) {
        return (env, msg) -> {
            env.setBusyDeferIdle();
            h.handle(env, msg);
        };
    }

    private void execute(ShellReplyEnvironment env, Message<ExecuteRequest> msg) {
        ExecuteRequest req = msg.getContent();
        String code = req.getCode();
        boolean silent = req.isSilent();
        boolean store = req.shouldStoreHistory() && !silent;
        if (!silent && isExit(code)) {
            askExit(env, code, store);
            return;
        }
        int count = store ? executionCount.incrementAndGet() : executionCount.get();
        if (!silent) {
            publish(env, MessageType.PUBLISH_EXECUTE_INPUT, map("code", code, "execution_count", count));
        }
        Future<KernelOutput.Failure> cell;
        try {
            cell = kernel.worker().submit(() -> kernel.runner().run(code, o -> {
                if (!silent) {
                    publish(env, o);
                }
            }));
        } catch (RejectedExecutionException e) {
            // A cell queued behind shutdown_request: the protocol's answer for work not done is "aborted".
            reply(env, MessageType.EXECUTE_REPLY, map("status", "aborted"));
            return;
        }
        KernelOutput.Failure failure = await(cell);
        kernel.idle().cellEnded();
        if (store) {
            kernel.history().add(count, code);
        }
        if (failure == null) {
            reply(env, MessageType.EXECUTE_REPLY, ok("execution_count", count, "user_expressions", Map.of(), "payload", List.of()));
            return;
        }
        if (!silent) {
            publish(env, failure);
        }
        if (req.shouldStopOnError() && connection instanceof KernelConnection ours) {
            // ipykernel's aborted reply: a status and nothing else, so the cell keeps no execution count and looks unrun.
            ours.abortQueuedCells(busy((e, m) -> reply(e, MessageType.EXECUTE_REPLY, map("status", "aborted"))));
        }
        reply(env, MessageType.EXECUTE_REPLY, map("status", "error", "execution_count", count,
                "ename", failure.ename(), "evalue", failure.evalue(), "traceback", red(failure.traceback())));
    }

    /** A cell that is just {@code exit} or {@code quit}, which ends a console as it ends a shell. */
    static boolean isExit(String code) {
        String c = code.strip();
        return c.equals("exit") || c.equals("quit") || c.equals("exit()") || c.equals("quit()");
    }

    /**
     * What IPython's exit does in a kernel: nothing runs, and the reply asks the front end to end
     * the session (jupyter console leaves and shuts the kernel down; a notebook ignores it).
     */
    private void askExit(ShellReplyEnvironment env, String code, boolean store) {
        int count = store ? executionCount.incrementAndGet() : executionCount.get();
        publish(env, MessageType.PUBLISH_EXECUTE_INPUT, map("code", code, "execution_count", count));
        if (store) {
            kernel.history().add(count, code);
        }
        reply(env, MessageType.EXECUTE_REPLY, ok("execution_count", count, "user_expressions", Map.of(),
                "payload", List.of(map("source", "ask_exit", "keepkernel", false))));
    }

    /** Tracebacks are red in every kernel: ANSI colour, which front ends render and strip for plain text. */
    static List<String> red(List<String> lines) {
        return lines.stream().map(l -> l.isEmpty() ? l : "\u001b[0;31m" + l + "\u001b[0m").toList();
    }

    /** Waits for the cell; the shell thread is never interrupted, but if it were, it keeps waiting. */
    private static KernelOutput.Failure await(Future<KernelOutput.Failure> cell) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return cell.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return KernelOutput.Failure.of("InternalError", InternalFailure.describe(e.getCause(), "this cell"));
                }
            }
        } finally {
            if (interrupted) {
                Thread.interrupted();
            }
        }
    }

    private static void publish(ShellReplyEnvironment env, KernelOutput o) {
        if (o instanceof KernelOutput.Stream s) {
            publish(env, MessageType.PUBLISH_STREAM, map("name", s.name(), "text", s.text()));
        } else if (o instanceof KernelOutput.Display d) {
            Map<String, Object> content = map("data", d.data(), "metadata", Map.of(), "transient", Map.of("display_id", d.displayId()));
            publish(env, d.update() ? MessageType.PUBLISH_UPDATE_DISPLAY_DATA : MessageType.PUBLISH_DISPLAY_DATA, content);
        } else if (o instanceof KernelOutput.Failure f) {
            publish(env, MessageType.PUBLISH_ERROR, map("ename", f.ename(), "evalue", f.evalue(), "traceback", red(f.traceback())));
        }
    }

    private Map<String, Object> kernelInfo() {
        LanguageInfo li = kernel.getLanguageInfo();
        Map<String, Object> lang = map("name", li.getName(), "version", li.getVersion(), "mimetype", li.getMimetype(),
                "file_extension", li.getFileExtension(), "pygments_lexer", "bash", "codemirror_mode", "shell");
        List<Map<String, Object>> links = new ArrayList<>();
        for (LanguageInfo.Help h : kernel.getHelpLinks()) {
            links.add(map("text", h.getText(), "url", h.getUrl()));
        }
        return ok("protocol_version", Header.PROTOCOL_VERISON, "implementation", "kubetutor",
                "implementation_version", KubetutorKernel.VERSION, "language_info", lang, "banner", kernel.getBanner(),
                "help_links", links);
    }

    private void complete(ShellReplyEnvironment env, Message<CompleteRequest> msg) {
        CompleteRequest req = msg.getContent();
        ReplacementOptions r = kernel.complete(req.getCode(), req.getCursorPos());
        reply(env, MessageType.COMPLETE_REPLY, ok("matches", r.getReplacements(), "cursor_start", r.getSourceStart(),
                "cursor_end", r.getSourceEnd(), "metadata", Map.of()));
    }

    private void inspect(ShellReplyEnvironment env, Message<InspectRequest> msg) {
        InspectRequest req = msg.getContent();
        DisplayData d = kernel.inspect(req.getCode(), req.getCursorPos(), req.getDetailLevel() > 0);
        Map<String, Object> data = new LinkedHashMap<>();
        if (d != null) {
            data.put("text/plain", d.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN));
            data.put("text/html", d.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_HTML));
        }
        reply(env, MessageType.INSPECT_REPLY, ok("found", d != null, "data", data, "metadata", Map.of()));
    }

    private void isComplete(ShellReplyEnvironment env, Message<IsCompleteRequest> msg) {
        String r = kernel.isComplete(msg.getContent().getCode());
        reply(env, MessageType.IS_COMPLETE_REPLY, r.equals("complete") ? map("status", "complete") : map("status", "incomplete", "indent", r));
    }

    private void history(ShellReplyEnvironment env, Message<HistoryRequest> msg) {
        HistoryRequest req = msg.getContent();
        HistoryManager h = kernel.getHistoryManager();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        List<HistoryEntry> entries = switch (req.getAccessType()) {
            case TAIL -> h.lookupTail(((HistoryRequest.Tail) req).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range r = (HistoryRequest.Range) req;
                yield h.lookupRange(r.getSessionIndex(), r.getStart(), r.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search s = (HistoryRequest.Search) req;
                if (s.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                yield h.search(s.getPattern(), s.getMaxReturnLength(), flags);
            }
        };
        List<List<Object>> rows = new ArrayList<>();
        for (HistoryEntry e : entries == null ? List.<HistoryEntry>of() : entries) {
            rows.add(List.of(e.getSession(), e.getCellNumber(), req.includeOutput() ? List.of(e.getInput(), "") : e.getInput()));
        }
        reply(env, MessageType.HISTORY_REPLY, ok("history", rows));
    }

    private void shutdown(ShellReplyEnvironment env, Message<ShutdownRequest> msg) {
        boolean restart = msg.getContent().isRestart();
        reply(env, MessageType.SHUTDOWN_REPLY, ok("restart", restart));
        // Stop taking requests before the worker goes away: a cell still queued on the shell socket
        // would otherwise meet a shut-down worker.
        if (connection instanceof KernelConnection ours) {
            ours.close();
        }
        kernel.onShutdown(restart);
        env.markForShutdown();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void reply(ShellReplyEnvironment env, MessageType<?> type, Map<String, Object> content) {
        env.reply(new Message(env.getContext(), type, content));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void publish(ShellReplyEnvironment env, MessageType<?> type, Map<String, Object> content) {
        env.publish(new Message(env.getContext(), type, content));
    }

    private static Map<String, Object> ok(Object... kv) {
        Map<String, Object> m = map(kv);
        Map<String, Object> withStatus = new LinkedHashMap<>();
        withStatus.put("status", "ok");
        withStatus.putAll(m);
        return withStatus;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
