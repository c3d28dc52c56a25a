package kubetutor.apiserver;

import kubetutor.engine.session.ClockMode;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;

/**
 * {@code kubetutor serve}: the simulated cluster as a Kubernetes API on 127.0.0.1, for the real
 * kubectl and client libraries, until interrupted. Writes the kubeconfig that reaches it.
 */
public final class ServeMain {
    private static final String USAGE = "usage: kubetutor serve [--port N] [--kubeconfig FILE] [--seed N] [--speed X]";

    private ServeMain() {}

    public static void main(String[] argv) throws IOException, InterruptedException, GeneralSecurityException {
        int port = 0;
        long seed = SessionOptions.DEFAULT_SEED;
        double speed = 1;
        Path kubeconfig = Path.of(".kubetutor", "serve.kubeconfig");
        try {
            for (int i = 0; i < argv.length; i++) {
                String a = argv[i];
                String value = i + 1 < argv.length ? argv[i + 1] : null;
                switch (a) {
                    case "--port" -> port = Integer.parseInt(need(value, a));
                    case "--seed" -> seed = Long.parseLong(need(value, a));
                    case "--speed" -> speed = Double.parseDouble(need(value, a));
                    case "--kubeconfig" -> kubeconfig = Path.of(need(value, a));
                    default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
                }
                i++;
            }
            if (port < 0 || port > 65535 || !(speed >= 0 && speed <= 1000)) {
                throw new IllegalArgumentException("--port is 0 to 65535, --speed 0 to 1000");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("kubetutor serve: " + (e instanceof NumberFormatException ? "not a number: " : "")
                    + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        // Real clients compute ages against their own clock: the simulation starts at the wall clock's now.
        Session session = new Session(new SessionOptions(seed, null, Path.of("").toAbsolutePath(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        session.startClockIn(speed > 0 ? ClockMode.realtime(speed) : ClockMode.MANUAL);
        Server server = new Server(session, port, speed);
        Kubeconfig.write(kubeconfig, server.port(), server.token(), server.authorityData());
        System.out.println("Serving the simulated cluster on https://127.0.0.1:" + server.port() + " (Ctrl-C stops it).");
        System.out.println("Use it from another terminal:  export KUBECONFIG=" + kubeconfig.toAbsolutePath());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String need(String value, String flag) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }
}
