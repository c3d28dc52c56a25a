package kubetutor.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.Message;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * basekernel's connection with our own socket loops. basekernel 2.3.0's loops sleep 50 ms (shell)
 * and 500 ms (heartbeat) between polls, stop for good on the first exception while reading (a badly
 * signed or malformed message), and end when their thread is interrupted. These loops block in
 * {@code poll} instead (a message is handled at once), drop a message that cannot be read, and
 * only stop when told to. basekernel's sockets, handlers and message classes are reused as they are.
 */
final class KernelConnection extends JupyterConnection {
    private static final Logger LOG = Logger.getLogger("kubetutor.kernel");
    private static final int POLL_MS = 100;
    /** How long the shell socket must stay quiet before a failed cell's reply ends the aborting. */
    private static final int ABORT_QUIET_MS = 150;

    private final KernelConnectionProperties props;
    private final List<Thread> loops = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean closed;
    /** Shell-thread state for aborting queued cells (see {@link #abortQueuedCells}). */
    @SuppressWarnings("rawtypes")
    private final List<Message> toAbort = new ArrayList<>();
    @SuppressWarnings("rawtypes")
    private ShellHandler abortHandler;
    private Poll shellPoll;

    KernelConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
    }

    @Override
    public void connect() {
        if (!"tcp".equals(props.getTransport())) {
            // basekernel formats every address as transport://ip:port, which only tcp understands.
            throw new IllegalArgumentException("kubetutor's kernel supports the tcp transport only, not " + props.getTransport());
        }
        // ZMQ.Socket.bind(String) binds without starting basekernel's own loops.
        bind(heartbeat, props.getHbPort());
        bind(shell, props.getShellPort());
        bind(control, props.getControlPort());
        bind(stdin, props.getStdinPort());
        bind(iopub, props.getIopubPort());
        running = true;
        loops.add(start("kubetutor-heartbeat", this::heartbeatLoop));
        loops.add(start("kubetutor-shell", () -> shellLoop(shell)));
        loops.add(start("kubetutor-control", () -> shellLoop(control)));
        getIOPub().sendMessage(new Message<>(null, io.github.spencerpark.jupyter.messages.publish.PublishStatus.MESSAGE_TYPE,
                io.github.spencerpark.jupyter.messages.publish.PublishStatus.STARTING));
    }

    private void bind(ZMQ.Socket socket, int port) {
        socket.bind("tcp://" + props.getIp() + ":" + port);
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.start();
        return t;
    }

    private void heartbeatLoop() {
        Poll poll = new Poll(heartbeat);
        while (running) {
            try {
                if (poll.ready(POLL_MS)) {
                    byte[] ping = heartbeat.recv(ZMQ.DONTWAIT);
                    if (ping != null) {
                        heartbeat.send(ping);
                    }
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "heartbeat: " + e);
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void shellLoop(ShellChannel socket) {
        Poll poll = new Poll(socket);
        if (socket == shell) {
            shellPoll = poll;
        }
        while (running) {
            Message message;
            boolean aborted = false;
            if (socket == shell && !toAbort.isEmpty()) {
                message = toAbort.remove(0);
                aborted = true;
            } else {
                message = read(socket, poll, POLL_MS);
            }
            if (message == null || !running) {
                continue; // nothing, or read after shutdown_request: left unanswered, as the kernel is going away
            }
            boolean execute = message.getHeader().getType().getName().equals("execute_request");
            ShellHandler handler = aborted && execute ? abortHandler : getHandler(message.getHeader().getType());
            if (handler == null) {
                LOG.fine("unhandled message type " + message.getHeader().getType().getName());
                continue;
            }
            ShellReplyEnvironment env = prepareReplyEnv(socket, message);
            try {
                handler.handle(env, message);
            } catch (Exception | Error e) {
                LOG.log(Level.SEVERE, "failed on " + message.getHeader().getType().getName(), e);
            } finally {
                env.resolveDeferrals();
            }
            if (env.isMarkedForShutdown()) {
                running = false;
            }
        }
    }

    /** The next message within {@code timeoutMs}, or null; an unreadable one is dropped. */
    @SuppressWarnings("rawtypes")
    private Message read(ShellChannel socket, Poll poll, int timeoutMs) {
        try {
            return poll.ready(timeoutMs) ? socket.readMessage() : null;
        } catch (RuntimeException e) {
            // A bad signature, broken JSON or a missing header field: the whole multipart message
            // has been consumed by now, so dropping it leaves the socket ready for the next one.
            if (running) {
                LOG.log(Level.WARNING, "dropped an unreadable message: " + e.getMessage());
            }
            return null;
        }
    }

    /**
     * Called on the shell thread by a failed cell sent with {@code stop_on_error}, before its
     * reply goes out: the requests already waiting on the shell socket are taken now, and the
     * execute_requests among them are answered by {@code handler} (an "aborted" reply) instead of
     * run, as ipykernel does: Run All stops at the first failing cell. Taking them before the
     * reply means a cell sent after the client saw the error is never caught up in it.
     */
    @SuppressWarnings("rawtypes")
    void abortQueuedCells(ShellHandler<?> handler) {
        abortHandler = handler;
        Poll poll = shellPoll;
        if (poll == null) {
            return;
        }
        Message m;
        // Run All sends its cells in one burst, but they reach the socket over TCP a little apart:
        // take what arrives until the shell socket has been quiet for a moment, not only what is
        // there already.
        while ((m = read(shell, poll, ABORT_QUIET_MS)) != null) {
            toAbort.add(m);
        }
    }

    /** Waits up to POLL_MS for a socket to have a message (its own selector: one per loop thread). */
    private static final class Poll {
        private final Selector selector;
        private final ZMQ.PollItem[] items;

        Poll(ZMQ.Socket socket) {
            try {
                this.selector = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.items = new ZMQ.PollItem[] {new ZMQ.PollItem(socket, ZMQ.Poller.POLLIN)};
        }

        boolean ready(int timeoutMs) {
            return ZMQ.poll(selector, items, timeoutMs) > 0 && items[0].isReadable();
        }
    }

    /** Stops the loops; {@link #waitUntilClose()} then closes the sockets from the main thread. */
    @Override
    public void close() {
        running = false;
    }

    @Override
    public void waitUntilClose() {
        for (Thread t : loops) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (!closed) {
            closed = true;
            for (ZMQ.Socket s : new ZMQ.Socket[] {heartbeat, shell, control, stdin, iopub}) {
                s.setLinger(1000);
            }
            // Sockets belong to the loop threads while they run; close them only once all have ended.
            try {
                super.close();
            } catch (RuntimeException e) {
                // The process is about to exit: a socket or context that fails to close changes nothing.
                LOG.fine("closing the sockets: " + e);
            }
        }
    }

    /** For tests and the shutdown hook: whether the loops still run. */
    boolean isRunning() {
        return running;
    }
}
