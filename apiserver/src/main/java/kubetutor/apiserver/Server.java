package kubetutor.apiserver;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import kubetutor.engine.session.Session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** A session served over HTTP on loopback: started, asked its port and token, stopped. */
public final class Server implements AutoCloseable {
    private final HttpsServer http;
    private final String authorityData;
    private final EngineThread engine;
    private final ExecutorService handlers;
    private final String token;

    /**
     * @param port  0 for any free port
     * @param speed simulated seconds per wall-clock second while idle (0: the clock moves only when told)
     */
    public Server(Session session, int port, double speed) throws IOException, GeneralSecurityException {
        this(session, port, speed, Runnable::run);
    }

    /**
     * A server on a session someone else drives too (the interactive shell's own): {@code gate}
     * runs each request when the session is free, and the clock is left to its owner (speed 0).
     */
    public Server(Session session, int port, Consumer<Runnable> gate) throws IOException, GeneralSecurityException {
        this(session, port, 0, gate);
    }

    private Server(Session session, int port, double speed, Consumer<Runnable> gate) throws IOException, GeneralSecurityException {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret); // a credential, not part of the simulation: not from its seed
        this.token = HexFormat.of().formatHex(secret);
        this.engine = new EngineThread(session, speed, gate);
        Tls tls = new Tls();
        this.authorityData = tls.authorityData();
        this.http = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        http.setHttpsConfigurator(new HttpsConfigurator(tls.context()));
        // Watches hold a thread each for as long as they last.
        this.handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kubetutor-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(handlers);
        ApiHandler api = new ApiHandler(engine, token);
        api.keepChanges(session);
        http.createContext("/", api);
        http.start();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String token() {
        return token;
    }

    /** The server's certificate, as a kubeconfig's certificate-authority-data. */
    public String authorityData() {
        return authorityData;
    }

    @Override
    public void close() {
        http.stop(0);
        handlers.shutdownNow();
        engine.close();
    }
}
