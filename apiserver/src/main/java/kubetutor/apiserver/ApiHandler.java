package kubetutor.apiserver;

import kubetutor.engine.api.ApiException;
import kubetutor.engine.rest.LogFollower;
import kubetutor.engine.rest.RestRequest;
import kubetutor.engine.rest.RestResponse;
import kubetutor.engine.rest.WatchHub;
import kubetutor.engine.session.Session;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
 * HTTP in, {@link RestRequest} to the engine's thread, HTTP out; a watch keeps its connection open
 * and streams one JSON object a line. Blocking: each request holds a thread of the server's pool
 * while the engine answers (a watch, for as long as it lasts).
 */
final class ApiHandler extends Handler.Abstract {
    /** The API server's request body limit (3 MiB), checked while reading, before anything is parsed. */
    static final int BODY_LIMIT = 3 * 1024 * 1024;
    /** Ends a watch's stream (real lines never are empty). */
    private static final String END = "";
    private static final long BOOKMARK_EVERY = TimeUnit.MINUTES.toNanos(1);
    private static final long BOOKMARK_BEFORE_TIMEOUT = TimeUnit.SECONDS.toNanos(2);
    private static final long BOOKMARK_CHECK_MILLIS = 200;
    /** How often a followed log looks for new lines: a tick of the engine's clock. */
    private static final long FOLLOW_POLL_MILLIS = 100;

    private final EngineThread engine;
    private final ProtobufBody protobuf = new ProtobufBody(WireTable.standard());
    /** Touched on the engine's thread only: the watches of the session's current cluster. */
    private WatchHub hub;
    private final Set<BlockingQueue<String>> streams = ConcurrentHashMap.newKeySet();

    ApiHandler(EngineThread engine) {
        this.engine = engine;
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
    public boolean handle(Request x, Response response, Callback callback) throws IOException {
        try {
            serve(x, response);
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
        return true;
    }

    private void serve(Request x, Response response) throws IOException {
        try {
            byte[] body = read(Content.Source.asInputStream(x));
            if (body == null) {
                send(response, RestResponse.failure(413, "RequestEntityTooLarge", "Request entity too large: limit is " + BODY_LIMIT));
                return;
            }
            String contentType = x.getHeaders().get("Content-Type");
            String text;
            if (contentType != null && contentType.startsWith(ProtobufBody.MEDIA_TYPE)) {
                // Typed clients send protobuf; the engine (and a snapshot's journal) read the same object as JSON.
                try {
                    text = protobuf.decode(body).toString();
                    contentType = RestResponse.JSON;
                } catch (ProtobufBody.Malformed e) {
                    send(response, RestResponse.failure(400, "BadRequest", e.getMessage()));
                    return;
                }
            } else {
                text = new String(body, StandardCharsets.UTF_8);
            }
            RestRequest r = request(x, contentType, text);
            if (Streams.PATH_PATTERN.matcher(r.path()).matches()) {
                send(response, Streams.withoutUpgrade(engine, r));
            } else if (r.method().equals("GET") && r.flag("follow") && r.path().endsWith("/log")) {
                follow(response, r);
            } else if (r.method().equals("GET") && r.flag("watch")) {
                watch(response, r);
            } else {
                send(response, engine.call(session -> session.serve(r)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request as the engine reads it (the path decoded, a '+' in it kept as a plus). */
    static RestRequest request(Request x, String contentType, String body) {
        String rawPath = x.getHttpURI().getPath();
        return new RestRequest(x.getMethod(), rawPath == null ? "/"
                : URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8),
                query(x.getHttpURI().getQuery()), contentType, x.getHeaders().get("Accept"), body);
    }

    private void watch(Response x, RestRequest r) throws IOException, InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<WatchHub.Watch> opened = new ArrayList<>(1);
        Optional<RestResponse> refused = engine.call(session -> hub(session).open(r, lines::add, opened::add));
        if (refused.isPresent()) {
            send(x, refused.get());
            return;
        }
        WatchHub.Watch watch = opened.get(0);
        streams.add(lines);
        long start = System.nanoTime();
        long deadline = r.param("timeoutSeconds") == null ? Long.MAX_VALUE
                : start + TimeUnit.SECONDS.toNanos(Long.parseLong(r.param("timeoutSeconds")));
        long nextBookmark = nextBookmark(start, deadline);
        try {
            x.getHeaders().put("Content-Type", RestResponse.JSON);
            x.setStatus(200);
            OutputStream out = Content.Sink.asOutputStream(x);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(BOOKMARK_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (line != null && line.isEmpty()) {
                    break;
                }
                if (line != null) {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                long now = System.nanoTime();
                if (now >= nextBookmark) {
                    engine.post(watch::bookmark);
                    nextBookmark = nextBookmark(now, deadline);
                }
            }
        } catch (IOException gone) {
            // the client hung up: its watch ends below
        } finally {
            streams.remove(lines);
            engine.post(watch::close);
        }
    }

    /** A followed log: what is there, then what the container prints, polled as the clock moves, until it ends. */
    private void follow(Response x, RestRequest r) throws IOException, InterruptedException {
        LogFollower follower;
        try {
            follower = engine.call(session -> LogFollower.open(session.cluster(), r));
        } catch (ApiException e) {
            send(x, RestResponse.of(e));
            return;
        }
        x.setStatus(200);
        x.getHeaders().put("Content-Type", "text/plain");
        OutputStream out = Content.Sink.asOutputStream(x);
        try {
            while (true) {
                LogFollower.Chunk c = engine.call(session -> follower.poll());
                if (!c.text().isEmpty()) {
                    out.write(c.text().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                if (c.ended()) {
                    break;
                }
                Thread.sleep(FOLLOW_POLL_MILLIS);
            }
        } catch (IOException gone) {
            // the client hung up (Ctrl-C on kubectl logs -f)
        }
    }

    /**
     * When the watch cache would send the next bookmark: a minute on, or two seconds before the
     * watch's timeout if that comes sooner (so a client can resume from it); wall time, as the
     * watch's timeout is. Never again once the timeout is that close.
     */
    static long nextBookmark(long now, long deadline) {
        long heartbeat = now + BOOKMARK_EVERY;
        if (deadline == Long.MAX_VALUE) {
            return heartbeat;
        }
        long beforeTimeout = deadline - BOOKMARK_BEFORE_TIMEOUT;
        long next = Math.min(heartbeat, beforeTimeout);
        return next < now ? Long.MAX_VALUE : next;
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

    static Map<String, List<String>> query(String raw) {
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

    static void send(Response x, RestResponse r) throws IOException {
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        x.setStatus(r.code());
        x.getHeaders().put("Content-Type", r.contentType());
        x.getHeaders().put("Content-Length", body.length);
        r.headers().forEach((name, value) -> x.getHeaders().put(name, value));
        for (String w : r.warnings()) {
            // RFC 7234's warn-code 299 with the agent "-", the text quoted as Go's strconv.Quote does
            x.getHeaders().add("Warning", "299 - \"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        Content.Sink.write(x, true, java.nio.ByteBuffer.wrap(body));
    }
}
