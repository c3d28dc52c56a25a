package kubetutor.apiserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import kubetutor.engine.rest.RestRequest;
import kubetutor.engine.rest.RestResponse;
import kubetutor.engine.rest.WatchHub;
import kubetutor.engine.session.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * HTTP in, {@link RestRequest} to the engine's thread, HTTP out. Only a client holding the
 * kubeconfig's token is answered; a watch keeps its connection open and streams one JSON object a line.
 */
final class ApiHandler implements HttpHandler {
    /** The API server's request body limit (3 MiB), checked while reading, before anything is parsed. */
    static final int BODY_LIMIT = 3 * 1024 * 1024;
    /** Ends a watch's stream (real lines never are empty). */
    private static final String END = "";

    private final EngineThread engine;
    private final ProtobufBody protobuf = new ProtobufBody(WireTable.standard());
    private final byte[] token;
    /** Touched on the engine's thread only: the watches of the session's current cluster. */
    private WatchHub hub;
    private final Set<BlockingQueue<String>> streams = ConcurrentHashMap.newKeySet();

    ApiHandler(EngineThread engine, String token) {
        this.engine = engine;
        this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Starts keeping the cluster's changes now: a client's watch resumes from the resourceVersion
     * of the list it made, and a hub made only at the first watch would not know the changes in
     * between (the clock runs on), answering 410 to a list a moment old. Queued, not waited for:
     * a shell starting {@code serve} holds the session until its command ends.
     */
    void keepChanges(Session session) {
        engine.post(() -> hub(session));
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        try (x) {
            if (!authorized(x)) {
                send(x, RestResponse.failure(401, "Unauthorized", "Unauthorized"));
                return;
            }
            byte[] body = read(x.getRequestBody());
            if (body == null) {
                send(x, RestResponse.failure(413, "RequestEntityTooLarge", "Request entity too large: limit is " + BODY_LIMIT));
                return;
            }
            String contentType = x.getRequestHeaders().getFirst("Content-Type");
            String text;
            if (contentType != null && contentType.startsWith(ProtobufBody.MEDIA_TYPE)) {
                // Typed clients send protobuf; the engine (and a snapshot's journal) read the same object as JSON.
                try {
                    text = protobuf.decode(body).toString();
                    contentType = RestResponse.JSON;
                } catch (ProtobufBody.Malformed e) {
                    send(x, RestResponse.failure(400, "BadRequest", e.getMessage()));
                    return;
                }
            } else {
                text = new String(body, StandardCharsets.UTF_8);
            }
            RestRequest r = new RestRequest(x.getRequestMethod(), x.getRequestURI().getRawPath() == null ? "/"
                    : URLDecoder.decode(x.getRequestURI().getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8),
                    query(x.getRequestURI().getRawQuery()), contentType, x.getRequestHeaders().getFirst("Accept"), text);
            if (r.method().equals("GET") && r.flag("watch")) {
                watch(x, r);
            } else {
                send(x, engine.call(session -> session.serve(r)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean authorized(HttpExchange x) {
        String given = x.getRequestHeaders().getFirst("Authorization");
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    private void watch(HttpExchange x, RestRequest r) throws IOException, InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<Runnable> handle = new ArrayList<>();
        Optional<RestResponse> refused = engine.call(session -> hub(session).open(r, lines::add, handle));
        if (refused.isPresent()) {
            send(x, refused.get());
            return;
        }
        streams.add(lines);
        long deadline = r.param("timeoutSeconds") == null ? Long.MAX_VALUE
                : System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(r.param("timeoutSeconds")));
        try {
            x.getResponseHeaders().set("Content-Type", RestResponse.JSON);
            x.sendResponseHeaders(200, 0);
            OutputStream out = x.getResponseBody();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(500, TimeUnit.MILLISECONDS);
                if (line != null && line.isEmpty()) {
                    break;
                }
                if (line != null) {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (IOException gone) {
            // the client hung up: its watch ends below
        } finally {
            streams.remove(lines);
            engine.post(() -> handle.forEach(Runnable::run));
        }
    }

    /** The hub of the session's cluster, a new one when the cluster was replaced (reset, load): open watches end. */
    private WatchHub hub(Session session) {
        if (hub == null || hub.cluster() != session.cluster()) {
            if (hub != null) {
                hub.close();
                streams.forEach(s -> s.add(END));
            }
            hub = new WatchHub(session.cluster());
        }
        return hub;
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] data = in.readNBytes(BODY_LIMIT + 1);
        return data.length > BODY_LIMIT ? null : data;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(k, key -> new ArrayList<>()).add(v);
        }
        return q;
    }

    private static void send(HttpExchange x, RestResponse r) throws IOException {
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", r.contentType());
        x.sendResponseHeaders(r.code(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            x.getResponseBody().write(body);
        }
    }
}
