package kubetutor.apiserver;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two clusters made alike (same seed, same instant): one served to the real kubectl 1.32, one
 * driven by kubetutor's own kubectl. The same commands given to both must print the same.
 */
final class ServedPair implements AutoCloseable {
    private final Path dir;
    private final Session own;
    private final Server server;
    private final Path kubeconfig;

    ServedPair(Path dir) throws Exception {
        this.dir = dir;
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        own = new Session(new SessionOptions(1, null, dir, start));
        server = new Server(new Session(new SessionOptions(1, null, dir, start)), 0, 0);
        kubeconfig = dir.resolve("serve.kubeconfig");
        Kubeconfig.write(kubeconfig, server.port(), server.token(), server.authorityData());
    }

    /**
     * What kubetutor's own kubectl prints (stdout and stderr, in order), for the same arguments as
     * {@link #real}: each is single-quoted, so that the shell passes JSON through as it is.
     */
    String own(String command) {
        StringBuilder line = new StringBuilder();
        for (String arg : command.split(" ")) {
            line.append(line.isEmpty() ? "" : " ").append('\'').append(arg).append('\'');
        }
        StringBuilder out = new StringBuilder();
        own.execute(line.toString(), o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return out.toString();
    }

    /** What the real kubectl prints against serve (stdout, then stderr); arguments split at spaces. */
    String real(String command) throws IOException, InterruptedException {
        return RealKubectl.run(List.of(command.split(" ")), dir, dir, kubeconfig);
    }

    @Override
    public void close() {
        server.close();
    }
}
