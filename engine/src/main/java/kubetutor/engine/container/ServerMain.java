package kubetutor.engine.container;

import kubetutor.engine.image.ImageCatalog;
import kubetutor.engine.kubelet.HttpResult;
import kubetutor.engine.sim.Simulation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * A catalog server (nginx, http-go, jenkins): it logs its start-up lines, opens its ports after
 * the image's start-up time, answers GETs as the catalog says, and stops on SIGTERM as the image does.
 */
final class ServerMain extends MainProcess {
    private static final DateTimeFormatter GO_LOG = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter JAVA_LOG = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ACCESS = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ImageCatalog.Server server;
    private final Map<Integer, Network.Listener> open = new LinkedHashMap<>();
    private Simulation.Scheduled timer;

    ServerMain(SimContainer container, ImageCatalog.Server server) {
        super(container);
        this.server = server;
    }

    @Override
    void begin() {
        if (ended()) {
            return;
        }
        write(server.logs());
        timer = container.sim().after(server.listenAfter(), this::listen);
    }

    private void listen() {
        timer = null;
        String ip = container.pod.podIp();
        server.http().forEach((port, answers) -> open.put(port, (path, client, agent) -> get(answers, path, client, agent)));
        for (int port : server.tcp()) {
            open.put(port, (path, client, agent) -> HttpResult.response(0, ""));
        }
        open.forEach((port, l) -> container.network().listen(ip, port, l));
        write(server.readyLogs());
    }

    private void write(List<String> lines) {
        for (String line : lines) {
            container.stdout(fill(line) + "\n");
        }
    }

    /** Most catalog log lines carry no placeholder: they are written as they are, unformatted. */
    private String fill(String line) {
        if (line.indexOf('{') < 0) {
            return line;
        }
        var now = container.sim().now();
        String filled = line;
        if (filled.contains("{date}")) {
            filled = filled.replace("{date}", GO_LOG.format(now));
        }
        if (filled.contains("{datetime}")) {
            filled = filled.replace("{datetime}", JAVA_LOG.format(now));
        }
        return filled.replace("{ip}", String.valueOf(container.pod.podIp()));
    }

    private HttpResult get(ImageCatalog.HttpPort answers, String rawPath, String clientIp, String userAgent) {
        int q = rawPath.indexOf('?');
        String path = q >= 0 ? rawPath.substring(0, q) : rawPath;
        HttpResult r = answer(answers, path);
        if (server.accessLog()) {
            container.stdout(clientIp + " - - [" + ACCESS.format(container.sim().now()) + "] \"GET " + rawPath
                    + " HTTP/1.1\" " + r.status() + " " + r.body().getBytes(StandardCharsets.UTF_8).length + " \"-\" \""
                    + userAgent + "\" \"-\"\n");
        }
        return r;
    }

    private HttpResult answer(ImageCatalog.HttpPort port, String path) {
        if (port.root() != null) {
            String file = port.root() + (path.endsWith("/") ? path + "index.html" : path);
            Optional<String> text = container.fs().read(file);
            return text.map(HttpResult::ok).orElseGet(() -> HttpResult.response(404, port.notFound()));
        }
        if (!port.notFound().isEmpty() && !path.equals("/")) {
            return HttpResult.response(404, port.notFound());
        }
        return port.body(container.ref.tag()).map(b -> HttpResult.ok(
                b.replace("{hostname}", container.hostname()).replace("{tag}", container.ref.tag())))
                .orElseGet(() -> HttpResult.response(404, port.notFound()));
    }

    @Override
    public void terminate() {
        if (ended() || server.sigtermExit() < 0) {
            return;
        }
        // A graceful stop takes a moment (nginx finishes its workers); a Go program dies of the signal.
        container.sim().after(Duration.ofMillis(server.sigtermExit() == 0 ? 60 : 5), () -> end(server.sigtermExit()));
    }

    @Override
    public void kill() {
        end(137);
    }

    @Override
    void stopped() {
        if (timer != null) {
            timer.cancel();
        }
        open.forEach((port, l) -> container.network().close(container.pod.podIp(), port, l));
        open.clear();
    }
}
