package kubetutor.engine.session;

import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.container.SimRuntime;
import kubetutor.engine.container.sh.ConnectTimeout;
import kubetutor.engine.kubelet.HttpResult;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;
import kubetutor.engine.sim.Pacer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code curl} typed at the tutor prompt, on the learner's machine outside the cluster:
 * localhost:PORT answers through a {@code kubectl port-forward}, a node's address through a
 * NodePort; pod and Service addresses are not routed there. No host socket is used. What it says
 * and its status are curl 7.88's ({@link CurlOptions}): -s hides the error, -S shows it again, -f
 * fails on an HTTP error status (22), -o writes the body to a workspace file, -w reports.
 */
final class Curl {
    private Curl() {}

    /**
     * How a transfer ended: curl's status and message (0 and null for a response), and how long it
     * waited for a connection that never came (null: it did not).
     */
    private record Outcome(int code, String message, int httpCode, String body, Duration waited) {
        static Outcome failed(int code, String message) {
            return new Outcome(code, message, 0, "", null);
        }
    }

    /** @param resolve where a file name is in the workspace (for -o) */
    static int run(Cluster cluster, List<String> args, Sink sink, Function<String, Path> resolve, Pacer pacer) throws UsageException {
        CurlOptions o = CurlOptions.parse(args);
        Outcome r = transfer(cluster, o, sink);
        if (r.waited() != null && !pacer.runUntil(cluster.sim(), () -> false, cluster.sim().now().plus(r.waited()))) {
            return 130; // Ctrl-C while it waited for the connection
        }
        if (r.code() == 0 && o.fail() && r.httpCode() >= 400) {
            r = new Outcome(22, "The requested URL returned error: " + r.httpCode(), r.httpCode(), "", null);
        }
        if (r.code() == 0 && !r.body().isEmpty()) {
            if (o.output() == null) {
                sink.emit(new Output.Text(r.body(), Output.TextKind.MESSAGE));
            } else {
                Redirect file = new Redirect(resolve.apply(o.output()), o.output(), false, sink);
                file.emit(new Output.Text(r.body(), Output.TextKind.MESSAGE));
                file.close();
            }
        }
        if (r.code() != 0 && (!o.silent() || o.showError())) {
            sink.emit(Output.Error.of("curl: (" + r.code() + ") " + r.message()));
        }
        if (o.writeOut() != null) {
            String w = writeOut(o.writeOut(), r, o.url(), sink);
            if (!w.isEmpty()) {
                sink.emit(new Output.Text(w, Output.TextKind.MESSAGE));
            }
        }
        return r.code();
    }

    private static Outcome transfer(Cluster cluster, CurlOptions o, Sink sink) {
        String url = o.url();
        String rest = url.contains("://") ? url.substring(url.indexOf("://") + 3) : url;
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = 80;
        if (colon >= 0) {
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                return Outcome.failed(3, "URL rejected: Port number was not a decimal number between 0 and 65535");
            }
        }
        Optional<HttpResult> r;
        boolean local = host.equals("localhost") || host.equals("127.0.0.1");
        if (local) {
            r = cluster.runtime().viaForward(port, path, "curl/8.5.0");
        } else if (host.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") && cluster.runtime() instanceof SimRuntime sim) {
            r = Optional.of(sim.httpFromOutside(host, port, path, "curl/8.5.0"));
        } else {
            return Outcome.failed(6, "Could not resolve host: " + host);
        }
        if (local && r.isPresent()) {
            // The background kubectl port-forward says so on its own output, which a > or | on curl
            // does not catch: the terminal shows it, so it goes the way standard error goes.
            sink.emit(Output.Error.info("Handling connection for " + port));
            if (r.get().failure() != HttpResult.Failure.NONE) {
                // kubectl accepted the connection, then could not reach the pod: it closes it unanswered.
                return Outcome.failed(52, "Empty reply from server");
            }
        }
        if (r.isPresent() && r.get().failure() == HttpResult.Failure.TIMED_OUT) {
            ConnectTimeout t = ConnectTimeout.curl(host, port, o.connectTimeout(), o.maxTime());
            String message = t.message().strip().replaceFirst("^curl: \\(\\d+\\) ", "");
            return new Outcome(t.status(), message, 0, "", t.waited());
        }
        if (r.isEmpty() || r.get().failure() != HttpResult.Failure.NONE) {
            return Outcome.failed(7, "Failed to connect to " + host + " port " + port + " after 0 ms: Couldn't connect to server");
        }
        return new Outcome(0, null, r.get().status(), r.get().body(), null);
    }

    /** -w: its text with %{variable}s filled in and \n, \t, \r and %% as curl reads them. */
    private static String writeOut(String format, Outcome r, String url, Sink sink) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch == '%' && format.startsWith("%{", i) && format.indexOf('}', i) > 0) {
                int end = format.indexOf('}', i);
                String name = format.substring(i + 2, end);
                switch (name) {
                    case "http_code", "response_code" -> out.append(String.format("%03d", r.httpCode()));
                    case "exitcode" -> out.append(r.code());
                    case "errormsg" -> out.append(r.message() == null ? "" : r.message());
                    case "size_download" -> out.append(r.body().length());
                    case "url", "url_effective" -> out.append(url);
                    default -> sink.emit(Output.Error.of("curl: unknown --write-out variable: '" + name + "'"));
                }
                i = end;
            } else if (ch == '%' && i + 1 < format.length() && format.charAt(i + 1) == '%') {
                out.append('%');
                i++;
            } else if (ch == '\\' && i + 1 < format.length() && "ntr\\".indexOf(format.charAt(i + 1)) >= 0) {
                char n = format.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : '\\');
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
