package kubetutor.engine.kubelet;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.sim.Simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One probe of one container process, as the kubelet's probe worker runs it: every periodSeconds,
 * skipped before initialDelaySeconds, and a result only counts after successThreshold (or
 * failureThreshold) equal results in a row. Liveness and readiness wait for the startup probe.
 */
final class ProbeWorker {
    enum Kind {
        LIVENESS("Liveness", "livenessProbe"), READINESS("Readiness", "readinessProbe"), STARTUP("Startup", "startupProbe");

        final String title;
        final String field;

        Kind(String title, String field) {
            this.title = title;
            this.field = field;
        }
    }

    /** A probe's outcome and, for a failure, the text the kubelet puts in the Unhealthy event. */
    record Result(boolean success, String output) {}

    private final Kubelet kubelet;
    private final PodWorker pod;
    private final ContainerSlot container;
    private final ContainerRuntime.Process process;
    private final Instant startedAt;
    final Kind kind;
    private final JsonNode probe;
    private final Duration period;
    private final Duration timeout;
    private final int initialDelay;
    private final int successThreshold;
    private final int failureThreshold;
    private Boolean last;
    private int run;
    private boolean stopped;
    private Simulation.Scheduled next;

    ProbeWorker(Kubelet kubelet, PodWorker pod, ContainerSlot container, Kind kind, Instant startedAt) {
        this.kubelet = kubelet;
        this.pod = pod;
        this.container = container;
        this.process = container.process;
        this.kind = kind;
        this.startedAt = startedAt;
        this.probe = container.spec.path(kind.field);
        // Kubernetes' defaults (the API server fills them in; a stored object without them means these).
        this.period = Duration.ofSeconds(Math.max(1, probe.path("periodSeconds").asInt(10)));
        this.timeout = Duration.ofSeconds(Math.max(1, probe.path("timeoutSeconds").asInt(1)));
        this.initialDelay = probe.path("initialDelaySeconds").asInt(0);
        this.successThreshold = kind == Kind.READINESS ? Math.max(1, probe.path("successThreshold").asInt(1)) : 1;
        this.failureThreshold = Math.max(1, probe.path("failureThreshold").asInt(3));
    }

    /** The worker starts a moment after the container (the kubelet adds it on the sync that started it). */
    void start(Duration offset) {
        next = kubelet.sim().after(offset, this::tick);
    }

    void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
        }
    }

    private void tick() {
        if (stopped || container.process != process || container.killing) {
            return;
        }
        next = kubelet.sim().after(period, this::tick);
        if (kind != Kind.STARTUP && !container.started) {
            return;
        }
        if (Duration.between(startedAt, kubelet.sim().now()).getSeconds() < initialDelay) {
            return;
        }
        Result r = runProbe();
        if (!r.success()) {
            kubelet.probeFailed(pod, container, kind, r.output());
        }
        if (last != null && last == r.success()) {
            run++;
        } else {
            last = r.success();
            run = 1;
        }
        if (run < (r.success() ? successThreshold : failureThreshold)) {
            return;
        }
        if (r.success() && kind == Kind.STARTUP) {
            stop();
        } else if (!r.success() && kind != Kind.READINESS) {
            stop();
        }
        kubelet.probeSettled(pod, container, kind, r.success());
    }

    private Result runProbe() {
        if (probe.has("exec")) {
            List<String> argv = new ArrayList<>();
            probe.path("exec").path("command").forEach(a -> argv.add(a.asText()));
            if (argv.isEmpty()) {
                return new Result(true, "");
            }
            ExecResult e = process.exec(argv, timeout);
            if (e.timedOut()) {
                return new Result(false, "command \"" + String.join(" ", argv) + "\" timed out");
            }
            return new Result(e.exitCode() == 0, trimEnd(e.stdout() + e.stderr()));
        }
        String ip = pod.podIp;
        if (probe.has("httpGet")) {
            JsonNode h = probe.path("httpGet");
            String host = h.path("host").asText("");
            String target = host.isEmpty() ? ip : host;
            int port = port(h.path("port"));
            String path = h.path("path").asText("/");
            if (!path.startsWith("/")) {
                path = "/" + path;
            }
            String url = h.path("scheme").asText("HTTP").toLowerCase() + "://" + target + ":" + port + path;
            HttpResult res = kubelet.runtime().httpGet(target, port, path, "kube-probe/1.32");
            if (res.failure() == HttpResult.Failure.REFUSED) {
                return new Result(false, "Get \"" + url + "\": dial tcp " + target + ":" + port + ": connect: connection refused");
            }
            if (res.failure() != HttpResult.Failure.NONE) {
                return new Result(false, "Get \"" + url + "\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
            }
            if (res.status() < 200 || res.status() >= 400) {
                return new Result(false, "HTTP probe failed with statuscode: " + res.status());
            }
            return new Result(true, "");
        }
        if (probe.has("tcpSocket")) {
            JsonNode t = probe.path("tcpSocket");
            String host = t.path("host").asText("");
            String target = host.isEmpty() ? ip : host;
            int port = port(t.path("port"));
            if (kubelet.runtime().tcpOpen(target, port)) {
                return new Result(true, "");
            }
            return new Result(false, "dial tcp " + target + ":" + port + ": connect: connection refused");
        }
        return new Result(true, "");
    }

    /** A port by number, or by the name of one of the container's ports. */
    private int port(JsonNode port) {
        if (port.isNumber() || port.asText().matches("\\d+")) {
            return port.asInt();
        }
        for (JsonNode p : container.spec.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        return 0;
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
