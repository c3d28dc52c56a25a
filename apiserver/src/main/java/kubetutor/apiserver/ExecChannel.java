package kubetutor.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;
import kubetutor.engine.rest.AttachSession;
import kubetutor.engine.rest.ExecSession;
import kubetutor.engine.session.ServedExec;
import kubetutor.engine.rest.StreamTarget;
import kubetutor.engine.rest.RestRequest;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One exec or attach stream over the channel protocol: 0 stdin, 1 stdout, 2 stderr, 3 the
 * error channel that carries the command's end as a Status, 4 terminal resizes (nothing here
 * draws to a size, so they are read and let go), 255 v5's close signal (standard input ended).
 */
final class ExecChannel implements FrameHandler {
    private static final int STDIN = 0;
    private static final int STDOUT = 1;
    private static final int STDERR = 2;
    private static final int ERROR = 3;
    private static final int CLOSE = 255;
    private static final long POLL_MILLIS = 100;
    /** The channel protocol before v4: its error channel carries an error's message as text, and nothing on success. */
    static final String PRE_V4 = "channel.k8s.io";

    private final EngineThread engine;
    private final RestRequest request;
    private final String protocol;
    /** Polls an attached container's output (null for exec, whose command pushes its output). */
    private final ScheduledExecutorService attachPolls;
    private ScheduledFuture<?> polling;
    private volatile CoreSession socket;
    /** Touched on the engine's thread only. */
    private ServedExec exec;
    private AttachSession attach;
    private boolean closed;

    ExecChannel(EngineThread engine, RestRequest request, ScheduledExecutorService attachPolls, String protocol) {
        this.engine = engine;
        this.request = request;
        this.protocol = protocol;
        this.attachPolls = attachPolls;
    }

    @Override
    public void onOpen(CoreSession session, Callback callback) {
        this.socket = session;
        callback.succeeded();
        engine.run(s -> {
            if (closed) {
                return;
            }
            try {
                ExecSession.Sink sink = new ExecSession.Sink() {
                    @Override
                    public void stdout(String text) {
                        send(STDOUT, text);
                    }

                    @Override
                    public void stderr(String text) {
                        send(STDERR, text);
                    }

                    @Override
                    public void exited(int code) {
                        end(code == 0 ? success() : nonZero(code));
                    }
                };
                if (attachPolls == null) {
                    exec = s.exec(request, sink);
                } else {
                    attach = AttachSession.start(s.cluster(), request, sink);
                    polling = attachPolls.scheduleWithFixedDelay(() -> engine.run(x -> attach.poll()),
                            POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
            } catch (StreamTarget.KubeletRefusal e) {
                end(failure(e.getMessage()));
            } catch (ApiException e) {
                end(failure(e.getMessage()));
            } catch (ServedExec.Failed e) {
                end(failure(e.getMessage()));
            }
        });
        session.demand();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        byte op = frame.getOpCode();
        if (op == OpCode.PING) {
            socket.sendFrame(new Frame(OpCode.PONG, copy(frame.getPayload())), Callback.NOOP, false);
        } else if (op == OpCode.BINARY || op == OpCode.CONTINUATION || op == OpCode.TEXT) {
            ByteBuffer payload = frame.getPayload();
            if (payload != null && payload.remaining() > 0) {
                int channel = payload.get() & 0xff;
                byte[] data = new byte[payload.remaining()];
                payload.get(data);
                if (channel == STDIN) {
                    String text = new String(data, StandardCharsets.UTF_8);
                    engine.run(s -> {
                        if (exec != null) {
                            exec.input(text);
                        }
                    });
                } else if (channel == CLOSE && data.length > 0 && data[0] == STDIN) {
                    engine.run(s -> {
                        if (exec != null) {
                            exec.inputClosed();
                        }
                    });
                }
            }
        }
        callback.succeeded();
        socket.demand();
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        engine.run(s -> {
            closed = true;
            if (exec != null) {
                exec.hangUp();
            }
            if (attach != null) {
                attach.cancel();
                polling.cancel(false);
            }
        });
        callback.succeeded();
    }

    private void send(int channel, String text) {
        socket.sendFrame(new Frame(OpCode.BINARY, Streams.message(channel, text)), Callback.NOOP, false);
    }

    /** The error channel's Status, then the close that tells kubectl the stream is over. */
    private void end(ObjectNode status) {
        if (polling != null) {
            polling.cancel(false);
        }
        if (!protocol.equals(PRE_V4)) {
            send(ERROR, status.toString());
        } else if (!status.path("status").asText().equals("Success")) {
            send(ERROR, status.path("message").asText());
        }
        socket.close(CloseStatus.NORMAL, "", Callback.NOOP);
    }

    private static ObjectNode success() {
        ObjectNode s = Meta.JSON.objectNode();
        s.putObject("metadata");
        s.put("status", "Success");
        return s;
    }

    /** The kubelet's Status for a command that exited non-zero: kubectl exits with the ExitCode cause. */
    private ObjectNode nonZero(int code) {
        ObjectNode s = failure("command terminated with non-zero exit code: error executing command "
                + request.query().getOrDefault("command", java.util.List.of()).toString().replace(",", "")
                + ", exit code " + code);
        s.put("reason", "NonZeroExitCode");
        ObjectNode cause = s.putObject("details").putArray("causes").addObject();
        cause.put("reason", "ExitCode");
        cause.put("message", Integer.toString(code));
        return s;
    }

    private static ObjectNode failure(String message) {
        ObjectNode s = Meta.JSON.objectNode();
        s.putObject("metadata");
        s.put("status", "Failure");
        s.put("message", message);
        return s;
    }

    private static ByteBuffer copy(ByteBuffer b) {
        if (b == null) {
            return ByteBuffer.allocate(0);
        }
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b.slice()).flip();
        return c;
    }
}
