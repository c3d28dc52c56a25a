package kubetutor.apiserver;

import kubetutor.engine.session.Session;
import org.eclipse.jetty.http.pathmap.RegexPathSpec;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * A session served over HTTPS on loopback: started, asked its port and token, stopped. Jetty's
 * core carries it, because kubectl's exec, attach and port-forward upgrade their request to a
 * WebSocket, which the JDK's own server cannot.
 */
public final class Server implements AutoCloseable {
    /** Watches and streams hold a thread each for as long as they last. */
    private static final int MAX_THREADS = 256;

    static {
        // Jetty logs through SLF4J, which warns on stderr when no logger is bound; serve has nothing to log there.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
    }

    private final org.eclipse.jetty.server.Server http;
    private final ServerConnector connector;
    private final String authorityData;
    private final EngineThread engine;
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
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("kubetutor-http");
        threads.setDaemon(true);
        this.http = new org.eclipse.jetty.server.Server(threads);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls.context());
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(true);
        // A Table of 500 pods is ~300 KiB: written in few large TLS records rather than many 32 KiB ones.
        config.setOutputBufferSize(256 * 1024);
        this.connector = new ServerConnector(http, 1, 1, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        http.addConnector(connector);
        WebSocketUpgradeHandler upgrades = new WebSocketUpgradeHandler();
        upgrades.getConfiguration().setIdleTimeout(Duration.ofHours(4)); // an interactive shell may sit idle
        upgrades.getConfiguration().setMaxBinaryMessageSize(ApiHandler.BODY_LIMIT);
        upgrades.addMapping(new RegexPathSpec(Streams.PATHS), new Streams(engine));
        ApiHandler api = new ApiHandler(engine);
        api.keepChanges(session);
        upgrades.setHandler(api);
        http.setHandler(new BearerAuth(token, upgrades));
        try {
            http.start();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
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
        try {
            http.stop();
        } catch (Exception e) {
            // stopping: nothing left to tell anyone
        }
        engine.close();
    }
}
