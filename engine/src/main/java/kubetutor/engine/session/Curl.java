package kubetutor.engine.session;

import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.container.SimRuntime;
import kubetutor.engine.kubelet.HttpResult;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;

import java.util.List;
import java.util.Optional;

/**
 * {@code curl} typed at the tutor prompt, on the learner's machine outside the cluster:
 * localhost:PORT answers through a {@code kubectl port-forward}, a node's address through a
 * NodePort; pod and Service addresses are not routed there. No host socket is used.
 */
final class Curl {
    private Curl() {}

    static int run(Cluster cluster, List<String> args, Sink sink) {
        String url = null;
        for (String a : args) {
            if (!a.startsWith("-")) {
                url = a;
            }
        }
        if (url == null) {
            sink.emit(Output.Error.of("curl: try 'curl --help' or 'curl --manual' for more information"));
            return 2;
        }
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
                sink.emit(Output.Error.of("curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535"));
                return 3;
            }
        }
        Optional<HttpResult> r;
        boolean local = host.equals("localhost") || host.equals("127.0.0.1");
        if (local) {
            r = cluster.runtime().viaForward(port, path, "curl/8.5.0");
        } else if (host.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") && cluster.runtime() instanceof SimRuntime sim) {
            r = Optional.of(sim.httpFromOutside(host, port, path, "curl/8.5.0"));
        } else {
            sink.emit(Output.Error.of("curl: (6) Could not resolve host: " + host));
            return 6;
        }
        if (local && r.isPresent()) {
            // The background kubectl port-forward says so on its own output, which a > or | on curl
            // does not catch: the terminal shows it, so it goes the way standard error goes.
            sink.emit(Output.Error.info("Handling connection for " + port));
            if (r.get().failure() != HttpResult.Failure.NONE) {
                // kubectl accepted the connection, then could not reach the pod: it closes it unanswered.
                sink.emit(Output.Error.of("curl: (52) Empty reply from server"));
                return 52;
            }
        }
        if (r.isPresent() && r.get().failure() == HttpResult.Failure.TIMED_OUT) {
            // The kernel gives up after its SYN retries (about 130 s); curl reports the connect timeout.
            sink.emit(Output.Error.of("curl: (28) Failed to connect to " + host + " port " + port
                    + " after 130000 ms: Couldn't connect to server"));
            return 28;
        }
        if (r.isEmpty() || r.get().failure() != HttpResult.Failure.NONE) {
            sink.emit(Output.Error.of("curl: (7) Failed to connect to " + host + " port " + port
                    + " after 0 ms: Couldn't connect to server"));
            return 7;
        }
        if (!r.get().body().isEmpty()) {
            sink.emit(new Output.Text(r.get().body(), Output.TextKind.MESSAGE));
        }
        return 0;
    }
}
