package kubetutor.kernel;

import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import kubetutor.engine.lesson.Language;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;

/**
 * {@code kubetutor kernel install [--user|--sys-prefix|--prefix DIR] [--seed N]} installs the
 * kernelspec; {@code kubetutor kernel [--seed N] CONNECTION_FILE} runs the kernel (what Jupyter
 * starts). The seed comes from {@code --seed}, else {@code KUBETUTOR_SEED}, else 1.
 */
public final class KernelMain {
    private KernelMain() {}

    public static void main(String[] argv) throws Exception {
        if (argv.length > 0 && argv[0].equals("install")) {
            System.exit(KernelSpecInstaller.main(java.util.Arrays.copyOfRange(argv, 1, argv.length)));
        }
        long seed = envSeed();
        Path connectionFile = null;
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--seed") && i + 1 < argv.length) {
                seed = seed(argv[++i]);
            } else if (a.startsWith("--seed=")) {
                seed = seed(a.substring("--seed=".length()));
            } else if (a.startsWith("-")) {
                usage("unknown option " + a);
            } else {
                connectionFile = Path.of(a);
            }
        }
        if (connectionFile == null) {
            usage("missing the connection file");
        }
        JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);
        QuietZmqThreads.install();
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile));
        long sessionSeed = seed;
        Path workDir = Path.of("").toAbsolutePath();
        KubetutorKernel kernel = new KubetutorKernel(() -> {
            try {
                Session session = new Session(new SessionOptions(sessionSeed, null, workDir));
                // Lessons speak the language of the notebook server's locale (LANG=ko_KR.UTF-8: Korean); 'lang' changes it.
                session.tutor().language(Language.fromEnvironment(System.getenv()));
                return session;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        KernelConnection connection = new KernelConnection(props);
        kernel.becomeHandlerForConnection(connection);
        ParentWatch.parent(System.getenv()).ifPresent(parent -> ParentWatch.start(parent, () -> {
            System.err.println("kubetutor kernel: the process that started it has exited; shutting down.");
            Runtime.getRuntime().halt(1); // as ipykernel's os._exit(1): nothing is left to answer
        }));
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }

    private static long seed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            usage("--seed must be a whole number, not '" + text + "'");
            return 0;
        }
    }

    private static long envSeed() {
        String env = System.getenv("KUBETUTOR_SEED");
        if (env == null || env.isBlank()) {
            return SessionOptions.DEFAULT_SEED;
        }
        try {
            return Long.parseLong(env.strip());
        } catch (NumberFormatException e) {
            usage("KUBETUTOR_SEED must be a number, not '" + env + "'");
            return 0;
        }
    }

    private static void usage(String problem) {
        System.err.println("kubetutor kernel: " + problem + "\n"
                + "Usage: kubetutor kernel install [--user | --sys-prefix | --prefix DIR] [--seed N]\n"
                + "       kubetutor kernel [--seed N] CONNECTION_FILE");
        System.exit(2);
    }
}
