package kubetutor.apiserver;

import kubetutor.engine.kubelet.HttpResult;
import kubetutor.engine.rest.StreamTarget;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * kubectl port-forward's tunnel: SPDY/3.1 inside the WebSocket. For each local connection kubectl
 * opens an error stream and a data stream (headers streamType, port, requestID); the bytes of the
 * data stream are HTTP requests, which the simulated network answers from inside the pod (as the
 * kubelet connects to localhost in the pod's network namespace). A port with nothing listening gets
 * the kubelet's error on the error stream, which kubectl prints, and the connection closes unanswered.
 */
final class PortForwardChannel implements FrameHandler {
    /** One forwarded connection: its two streams and the request bytes not yet answered. */
    private static final class Connection {
        int errorStream;
        int dataStream;
        int port;
        final ForwardedHttp http = new ForwardedHttp();
        boolean closed;
    }

    private final EngineThread engine;
    private final StreamTarget target;
    private final Spdy spdy = new Spdy();
    private final Map<String, Connection> byRequest = new HashMap<>();
    private final Map<Integer, Connection> byStream = new HashMap<>();
    private CoreSession socket;

    PortForwardChannel(EngineThread engine, StreamTarget target) {
        this.engine = engine;
        this.target = target;
    }

    @Override
    public void onOpen(CoreSession session, Callback callback) {
        this.socket = session;
        callback.succeeded();
        session.demand();
    }

    @Override
    public synchronized void onFrame(Frame frame, Callback callback) {
        try {
            byte op = frame.getOpCode();
            if (op == OpCode.PING) {
                socket.sendFrame(new Frame(OpCode.PONG, bytes(frame.getPayload())), Callback.NOOP, false);
            } else if (op == OpCode.BINARY || op == OpCode.CONTINUATION) {
                byte[] in = frame.getPayload() == null ? new byte[0] : bytes(frame.getPayload()).array();
                for (Spdy.Frame f = spdy.next(in); f != null; f = spdy.next(new byte[0])) {
                    handle(f);
                }
            }
            callback.succeeded();
        } catch (RuntimeException e) {
            callback.failed(e);
            return;
        }
        socket.demand();
    }

    private void handle(Spdy.Frame f) {
        if (!f.control()) {
            Connection c = byStream.get(f.stream());
            if (c != null && f.stream() == c.dataStream) {
                for (ForwardedHttp.Request r : c.http.feed(f.data())) {
                    answer(c, r);
                }
                if (f.fin()) {
                    close(c);
                }
            }
            return;
        }
        switch (f.type()) {
            case Spdy.SYN_STREAM -> {
                Spdy.Syn syn = spdy.synStream(f);
                Connection c = byRequest.computeIfAbsent(syn.headers().getOrDefault("requestid", ""), k -> new Connection());
                c.port = Integer.parseInt(syn.headers().getOrDefault("port", "0"));
                if ("error".equals(syn.headers().get("streamtype"))) {
                    c.errorStream = syn.stream();
                } else {
                    c.dataStream = syn.stream();
                }
                byStream.put(syn.stream(), c);
                send(spdy.synReply(syn.stream()));
            }
            case Spdy.PING -> send(Spdy.control(Spdy.PING, 0, f.data()));
            case Spdy.GOAWAY -> socket.close(CloseStatus.NORMAL, "", Callback.NOOP);
            default -> { } // SETTINGS, WINDOW_UPDATE, RST_STREAM: nothing to keep
        }
    }

    /** The simulated network's answer, fetched on the engine's thread and sent back on the data stream. */
    private void answer(Connection c, ForwardedHttp.Request r) {
        engine.run(s -> {
            HttpResult result = s.forward(target.podIp(), c.port, r.path(), r.userAgent());
            synchronized (this) {
                if (c.closed) {
                    return;
                }
                if (result.failure() == HttpResult.Failure.NONE) {
                    send(Spdy.data(c.dataStream, ForwardedHttp.response(result, s.cluster().sim().now()), false));
                } else {
                    send(Spdy.data(c.errorStream, refusal(c.port).getBytes(java.nio.charset.StandardCharsets.UTF_8), false));
                    close(c);
                }
            }
        });
    }

    /** The kubelet's words when nothing listens on the pod's port. */
    private String refusal(int port) {
        return "error forwarding port " + port + " to pod " + target.pod() + ", uid : failed to connect to localhost:" + port
                + " inside namespace of pod " + target.pod() + ", IPv4: dial tcp4 127.0.0.1:" + port
                + ": connect: connection refused IPv6 dial tcp6 [::1]:" + port + ": connect: connection refused ";
    }

    /** Both streams end: kubectl waits for the error stream's end before it lets the connection go. */
    private void close(Connection c) {
        if (!c.closed) {
            c.closed = true;
            send(Spdy.data(c.dataStream, new byte[0], true));
            send(Spdy.data(c.errorStream, new byte[0], true));
        }
    }

    private void send(byte[] spdyBytes) {
        socket.sendFrame(new Frame(OpCode.BINARY, ByteBuffer.wrap(spdyBytes)), Callback.NOOP, false);
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        callback.succeeded();
    }

    private static ByteBuffer bytes(ByteBuffer b) {
        if (b == null) {
            return ByteBuffer.allocate(0);
        }
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b.slice()).flip();
        return c;
    }
}
