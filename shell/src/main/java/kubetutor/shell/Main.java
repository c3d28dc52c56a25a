package kubetutor.shell;

import kubetutor.engine.lesson.Language;
import kubetutor.engine.session.InternalFailure;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * kubetutor's entry point: {@code run FILE}, {@code -c 'CMD'}, commands on standard input when it
 * is not a terminal, or the interactive shell.
 */
public final class Main {
    private Main() {}

    public static void main(String[] argv) {
        int status;
        try {
            status = run(argv);
        } catch (IOException e) {
            System.err.println("kubetutor: " + e.getMessage()); // the terminal could not be opened
            status = 1;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // The last boundary: a failure outside any command (start-up, reading a script) is one line too.
            System.err.println("kubetutor: " + InternalFailure.describe(e, "this start").substring("error: ".length()));
            System.err.print(InternalFailure.debugText(e));
            status = 1;
        }
        System.exit(status);
    }

    static int run(String[] argv) throws IOException {
        try {
            return runChecked(argv);
        } catch (UsageError e) {
            System.err.print("kubetutor: " + e.getMessage() + "\n");
            return 2;
        }
    }

    private static int runChecked(String[] argv) throws IOException {
        long seed = SessionOptions.DEFAULT_SEED;
        Path cluster = null;
        String command = null;
        Path script = null;
        String present = null;
        boolean noColor = System.getenv("NO_COLOR") != null;
        Language language = Language.fromEnvironment(System.getenv());
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            switch (a) {
                case "--seed" -> seed = seed(need(argv, ++i, a));
                case "--debug" -> System.setProperty(InternalFailure.DEBUG_PROPERTY, "true");
                case "--cluster" -> cluster = Path.of(need(argv, ++i, a));
                case "-c" -> command = need(argv, ++i, a);
                case "--no-color" -> noColor = true;
                case "--lang" -> {
                    String code = need(argv, ++i, a);
                    Optional<Language> l = Language.of(code);
                    if (l.isEmpty()) {
                        throw new UsageError("--lang: no language '" + code + "' (en or ko)");
                    }
                    language = l.get();
                }
                case "run" -> script = Path.of(need(argv, ++i, a));
                case "present" -> present = need(argv, ++i, a);
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("--seed=")) {
                        seed = seed(a.substring(7));
                    } else if (a.startsWith("--lang=")) {
                        return runChecked(replace(argv, i, "--lang", a.substring(7)));
                    } else if (a.startsWith("--cluster=")) {
                        cluster = Path.of(a.substring(10));
                    } else {
                        System.err.print("kubetutor: unknown argument '" + a + "'\n" + USAGE);
                        return 2;
                    }
                }
            }
        }
        Session session;
        try {
            session = new Session(new SessionOptions(seed, cluster, Path.of("").toAbsolutePath()));
        } catch (IOException | RuntimeException e) {
            System.err.println("kubetutor: cannot read the cluster file: " + e.getMessage());
            return 2;
        }
        if (language != Language.EN) {
            session.tutor().language(language);
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        // Both streams in UTF-8 whatever the locale: lessons and their errors may be Korean.
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        Batch batch = new Batch(session, out, err);
        session.useEditor(new KubectlEditor(System.getenv(), batch::runExternal, session::workDir));
        if (present != null && (command != null || script != null || System.console() == null)) {
            throw new UsageError("present needs a terminal: it is the interactive shell, for a class to watch");
        }
        if (command != null) {
            return batch.runOne(command);
        }
        if (script != null) {
            return runScript(batch, script);
        }
        if (System.console() == null) {
            try {
                return batch.runScript(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UsageError("standard input: Input/output error");
            }
        }
        return Interactive.start(session, noColor, present);
    }

    /**
     * {@code run FILE}: bytes that are not UTF-8 read as U+FFFD, as from standard input, so that a
     * stray byte fails its own command rather than the whole script.
     */
    private static int runScript(Batch batch, Path script) {
        if (Files.isDirectory(script)) {
            throw new UsageError(script + ": Is a directory");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(script), StandardCharsets.UTF_8))) {
            return batch.runScript(r);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UsageError(script + ": No such file or directory");
        } catch (IOException e) {
            throw new UsageError(script + ": Permission denied");
        }
    }

    private static long seed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageError("--seed: invalid number '" + text + "' (a whole number from " + Long.MIN_VALUE + " to "
                    + Long.MAX_VALUE + ")");
        }
    }

    /** A mistake in kubetutor's own arguments: reported on one line, exit status 2. */
    private static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    /** The arguments with {@code --flag=value} at {@code i} split into two words. */
    private static String[] replace(String[] argv, int i, String flag, String value) {
        String[] split = new String[argv.length + 1];
        System.arraycopy(argv, 0, split, 0, i);
        split[i] = flag;
        split[i + 1] = value;
        System.arraycopy(argv, i + 1, split, i + 2, argv.length - i - 1);
        return split;
    }

    private static String need(String[] argv, int i, String flag) {
        if (i >= argv.length) {
            throw new UsageError(flag + " needs a value");
        }
        return argv[i];
    }

    static final String USAGE = """
            Usage:
              kubetutor                      start the interactive tutor
              kubetutor run FILE             run the commands in FILE
              kubetutor present LESSON       step through a lesson in front of a class
              kubetutor -c 'COMMAND'         run one command
              kubetutor kernel install       install the Jupyter kernel
            Options:
              --seed N         names, IPs and timings from seed N (default 1)
              --cluster FILE   the cluster's shape from a YAML file
              --no-color       plain text (also NO_COLOR)
              --lang en|ko     the lessons' language (default from LANG: ko_KR.UTF-8 is Korean)
              --debug          show kubetutor's own stack trace when it fails
            """;
}
