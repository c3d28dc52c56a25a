package kubetutor.shell;

import kubetutor.engine.complete.Completer;
import kubetutor.engine.progress.ProgressFile;
import kubetutor.engine.progress.ProgressStore;
import kubetutor.engine.session.ClockMode;
import kubetutor.engine.session.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * Starts the interactive shell. Kept apart from {@link Main} so that {@code -c} and scripts never
 * load JLine (start-up time).
 */
final class Interactive {
    private Interactive() {}

    /** @param present the lesson to present, or null for the learner's own shell */
    static int start(Session session, boolean noColor, String present) throws IOException {
        boolean plain = noColor || System.getenv("NO_COLOR") != null || "dumb".equals(System.getenv("TERM"));
        Path home = home();
        Files.createDirectories(home);
        EngineLock engine = new EngineLock();
        try (JLineConsole console = new JLineConsole(new Completer(session, Repl.SHELL_COMMANDS), engine, plain, home.resolve("history"))) {
            Editor editor = new Editor(session, console, Editor.fromEnvironment());
            // kubectl edit's editor gets the terminal as vi FILE's does, the line editor paused meanwhile
            session.useEditor(new KubectlEditor(System.getenv(), console::runExternal, session::workDir));
            // At the prompt the cluster lives on while the learner reads, as a real one does.
            session.startClockIn(ClockMode.realtime(1));
            // ...and from today's date, so that the real kubectl's ages agree with it over serve (scripts keep the fixed date)
            session.startDatesAt(InstantSource.system());
            // The learner's progress lasts from one start to the next (an instructor's run does not count as theirs).
            session.tutor().keepProgressIn(present == null ? ProgressFile.standard(System.getenv()) : ProgressStore.inMemory());
            session.tutor().prefillsPrompt(true);
            return new Repl(session, console, ShellPacer.WallClock.SYSTEM, editor, engine).run(present == null ? null : "lesson " + present + " --present");
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
