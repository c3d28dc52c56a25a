package kubetutor.apiserver;

import kubetutor.engine.api.ApiException;
import kubetutor.engine.rest.RestRequest;
import kubetutor.engine.rest.RestResponse;
import kubetutor.engine.rest.StreamTarget;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;

/**
 * The upgrade of pods/exec, pods/attach and pods/portforward to a WebSocket, as kubectl 1.32 asks
 * for it: the channel sub-protocol it offers is chosen, the pod's running container checked, and
 * the stream handed to a {@link FrameHandler}. A request that cannot be served gets the API's
 * Status instead of the upgrade, which kubectl prints after "unable to upgrade connection: ".
 */
final class Streams extends WebSocketNegotiator.AbstractNegotiator {
    static final String PATHS = "^/api/v1/namespaces/[^/]+/pods/[^/]+/(exec|attach|portforward)$";
    static final Pattern PATH_PATTERN = Pattern.compile(PATHS);
    /**
     * Remote command sub-protocols over WebSocket, the newest first, as the kubelet offers them: v5
     * adds the close signal that ends standard input; v4 (client libraries) ends with a Status on
     * the error channel; the first version ({@link ExecChannel#PRE_V4}) with the error's words only.
     * (v2 and v3 are SPDY's names, which kubectl no longer uses.)
     */
    private static final List<String> CHANNEL_PROTOCOLS = List.of("v5.channel.k8s.io", "v4.channel.k8s.io", ExecChannel.PRE_V4);
    private static final String PORT_FORWARD_PROTOCOL = "SPDY/3.1+portforward.k8s.io";

    private final EngineThread engine;
    /** One timer for every attached stream's polls (attach follows output the container already logs). */
    private final ScheduledExecutorService attachPolls = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kubetutor-attach");
        t.setDaemon(true);
        return t;
    });

    Streams(EngineThread engine) {
        this.engine = engine;
    }

    @Override
    public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        RestRequest r = ApiHandler.request(request, null, "");
        String subresource = r.path().substring(r.path().lastIndexOf('/') + 1);
        List<String> offered = request.getSubProtocols();
        String protocol = subresource.equals("portforward")
                ? (offered.contains(PORT_FORWARD_PROTOCOL) ? PORT_FORWARD_PROTOCOL : null)
                : CHANNEL_PROTOCOLS.stream().filter(offered::contains).findFirst().orElse(null);
        Optional<RestResponse> refused = protocol == null
                ? Optional.of(RestResponse.failure(400, "BadRequest", "unable to upgrade: no supported sub-protocol in " + offered))
                : refusal(engine, r);
        if (refused.isPresent()) {
            refuse(response, callback, refused.get());
            return null;
        }
        response.setAcceptedSubProtocol(protocol);
        if (!subresource.equals("portforward")) {
            return new ExecChannel(engine, r, subresource.equals("attach") ? attachPolls : null, protocol);
        }
        try {
            return new PortForwardChannel(engine, target(engine, r));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Why the stream {@code r} asks for cannot open, if it cannot; also the answer to kubectl's
     * fallback to SPDY after a refused upgrade, so it prints the same message either way.
     */
    static Optional<RestResponse> refusal(EngineThread engine, RestRequest r) {
        try {
            target(engine, r);
            return Optional.empty();
        } catch (ApiException e) {
            return Optional.of(RestResponse.of(e));
        } catch (StreamTarget.KubeletRefusal e) {
            return Optional.of(e.response());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(RestResponse.failure(503, "ServiceUnavailable", "the server is shutting down"));
        }
    }

    private static StreamTarget target(EngineThread engine, RestRequest r) throws InterruptedException {
        return engine.call(session -> StreamTarget.resolve(session.cluster(), r));
    }

    /** A stream request that is not a WebSocket upgrade (kubectl's SPDY fallback): the refusal, or the upgrade it needs. */
    static RestResponse withoutUpgrade(EngineThread engine, RestRequest r) {
        return refusal(engine, r).orElse(RestResponse.text(400, "Upgrade request required"));
    }

    private static void refuse(ServerUpgradeResponse response, Callback callback, RestResponse answer) {
        response.setStatus(answer.code());
        response.getHeaders().put("Content-Type", answer.contentType());
        Content.Sink.write(response, true, answer.body(), callback);
    }

    /** One binary message of a channel protocol: the channel's number, then its bytes. */
    static ByteBuffer message(int channel, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(data.length + 1);
        b.put((byte) channel).put(data).flip();
        return b;
    }

    static ByteBuffer message(int channel, String text) {
        return message(channel, text.getBytes(StandardCharsets.UTF_8));
    }
}
