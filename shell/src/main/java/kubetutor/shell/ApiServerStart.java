package kubetutor.shell;

import kubetutor.apiserver.Kubeconfig;
import kubetutor.apiserver.Server;
import kubetutor.engine.session.Session;

import java.nio.file.Path;
import java.util.function.Consumer;

/** The one class of the shell that names the API server's: loaded when {@code serve} is typed, not at start-up. */
final class ApiServerStart {
    private ApiServerStart() {}

    record Started(AutoCloseable server, int port) {}

    static Started start(Session session, int port, Path kubeconfig, Consumer<Runnable> gate) throws Exception {
        Server server = new Server(session, port, gate);
        try {
            Kubeconfig.write(kubeconfig, server.port(), server.token(), server.authorityData());
        } catch (Exception e) {
            server.close();
            throw e;
        }
        return new Started(server, server.port());
    }
}
