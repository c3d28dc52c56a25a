package kubetutor.shell;

import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;
import kubetutor.engine.session.Session;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code serve} typed at the prompt: this very session over the Kubernetes API on 127.0.0.1, so a
 * second terminal (the real kubectl) sees and changes the cluster the learner is working on.
 * Requests take the engine's lock as the prompt's commands do, and the session journals them.
 * The API server's classes load only when {@code serve} is first typed ({@link ApiServerStart}).
 */
final class Serving {
    private static final String USAGE = "usage: serve [--port N] [--kubeconfig FILE] | serve stop";

    private final Session session;
    private final EngineLock engine;
    private volatile AutoCloseable server;
    private int port;
    private Path kubeconfig;

    Serving(Session session, EngineLock engine) {
        this.session = session;
        this.engine = engine;
    }

    boolean running() {
        return server != null;
    }

    int run(List<String> args, Sink sink) {
        if (args.equals(List.of("stop"))) {
            if (server == null) {
                sink.emit(Output.Error.of("serve: not serving"));
                return 1;
            }
            stop();
            sink.emit(Output.Text.message("Stopped serving on https://127.0.0.1:" + port + "."));
            return 0;
        }
        int wantedPort = 0;
        Path file = Path.of(".kubetutor", "serve.kubeconfig");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = i + 1 < args.size() ? args.get(++i) : null;
            if (value == null || !(a.equals("--port") || a.equals("--kubeconfig"))) {
                sink.emit(Output.Error.of("serve: " + (value == null && (a.equals("--port") || a.equals("--kubeconfig"))
                        ? a + " needs a value" : "unknown argument '" + a + "'") + "\n" + USAGE));
                return 2;
            }
            if (a.equals("--port")) {
                if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > 65535) {
                    sink.emit(Output.Error.of("serve: --port is 0 to 65535, not '" + value + "'\n" + USAGE));
                    return 2;
                }
                wantedPort = Integer.parseInt(value);
            } else {
                file = session.resolve(value);
            }
        }
        if (server != null) {
            if (!args.isEmpty()) {
                sink.emit(Output.Error.of("serve: already serving on https://127.0.0.1:" + port + " ('serve stop' first)"));
                return 1;
            }
            sink.emit(Output.Text.message(where()));
            return 0;
        }
        try {
            ApiServerStart.Started started = ApiServerStart.start(session, wantedPort, file, engine::run);
            server = started.server();
            port = started.port();
            kubeconfig = file.toAbsolutePath();
        } catch (java.net.BindException e) {
            sink.emit(Output.Error.of("serve: 127.0.0.1:" + wantedPort + ": address already in use"));
            return 1;
        } catch (Exception e) {
            sink.emit(Output.Error.of("serve: " + e.getMessage()));
            return 1;
        }
        sink.emit(Output.Text.message(where()));
        return 0;
    }

    private String where() {
        return "Serving this cluster on https://127.0.0.1:" + port + " ('serve stop' ends it).\n"
                + "Use it from another terminal:  export KUBECONFIG=" + kubeconfig;
    }

    void stop() {
        AutoCloseable s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                // leaving anyway
            }
        }
    }
}
