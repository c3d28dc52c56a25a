package kubetutor.shell;

import kubetutor.engine.complete.Completer;
import kubetutor.engine.session.ClockMode;
import kubetutor.engine.session.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts the interactive shell. Kept apart from {@link Main} so that {@code -c} and scripts never
 * load JLine (start-up time).
 */
final class Interactive {
    private Interactive() {}

    static int start(Session session, boolean noColor) throws IOException {
        boolean plain = noColor || System.getenv("NO_COLOR") != null || "dumb".equals(System.getenv("TERM"));
        Path home = home();
        Files.createDirectories(home);
        try (JLineConsole console = new JLineConsole(new Completer(session, Repl.SHELL_COMMANDS), plain, home.resolve("history"))) {
            Editor editor = new Editor(session, console, Editor.fromEnvironment());
            // kubectl edit's editor gets the terminal as vi FILE's does, the line editor paused meanwhile
            session.useEditor(new KubectlEditor(System.getenv(), console::runExternal, session::workDir));
            // At the prompt the cluster lives on while the learner reads, as a real one does.
            session.startClockIn(ClockMode.realtime(1));
            return new Repl(session, console, ShellPacer.WallClock.SYSTEM, editor).run();
        }
    }

    /** Where kubetutor keeps its history: $KUBETUTOR_HOME, else ~/.kubetutor. */
    static Path home() {
        String env = System.getenv("KUBETUTOR_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".kubetutor");
    }
}
