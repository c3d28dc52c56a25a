package kubetutor.shell;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The built shell jar in a real terminal: tmux runs it, {@link #keys} types with send-keys and
 * {@link #waitFor} reads the screen back with capture-pane. Skips without tmux (fails on CI).
 */
final class TmuxTerminal implements AutoCloseable {
    static final String PROMPT = "kubetutor (default) $ ";
    /** Generous: the machine running the tests may be busy with others. */
    private static final long WAIT_MILLIS = 60_000;

    /**
     * How the shell is started: variables added to its environment, whether it may colour its
     * output (NO_COLOR unset), the arguments after the jar, and what on the screen says it is ready.
     */
    record Setup(Map<String, String> env, boolean colour, List<String> args, Predicate<String> ready) {
        /** Plain text, no arguments, ready at the prompt. */
        static Setup plain() {
            return new Setup(Map.of(), false, List.of(), s -> s.contains(PROMPT));
        }

        Setup withEnv(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(env);
            more.put(name, value);
            return new Setup(more, colour, args, ready);
        }

        Setup coloured() {
            return new Setup(env, true, args, ready);
        }

        /** {@code present deployment}: arguments, and the screen that shows the shell is ready for them. */
        Setup withArgs(List<String> arguments, Predicate<String> readyWhen) {
            return new Setup(env, colour, arguments, readyWhen);
        }
    }

    // A socket per terminal: a previous test's server may still be exiting after kill-server, and a
    // new session made in it would vanish with it.
    private final String socket = "kubetutor-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    /** Starts the shell in {@code home}, its workspace and its KUBETUTOR_HOME, and waits for the prompt. */
    static TmuxTerminal start(Path home) throws Exception {
        return start(home, Setup.plain());
    }

    /** {@link #start(Path)} as {@code setup} says. */
    static TmuxTerminal start(Path home, Setup setup) throws Exception {
        if (!installed()) {
            String why = "tmux is not installed, so the shell cannot be tried in a real terminal";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why + " (install tmux to run this test)");
        }
        Path jar = Path.of("target", "kubetutor-shell.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "build the jar first (mvn package): " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder env = new StringBuilder("env -u EDITOR -u VISUAL -u LC_ALL -u LC_MESSAGES -u NO_COLOR ");
        env.append(setup.colour() ? "" : "NO_COLOR=1 ");
        Map<String, String> vars = new LinkedHashMap<>(Map.of("LANG", "C.UTF-8", "HOME", home.toString(),
                "KUBETUTOR_HOME", home.toString(), "TMPDIR", home.toString(), "TERM", "xterm-256color"));
        vars.putAll(setup.env());
        vars.forEach((name, value) -> env.append(name).append("='").append(value).append("' "));
        String command = "cd '" + home + "' && " + env + "'" + java + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar '" + jar + "'"
                + setup.args().stream().map(a -> " " + a).reduce("", String::concat) + "; echo kubetutor-exited=$?; sleep 30";
        TmuxTerminal t = new TmuxTerminal();
        String started = t.tmux("new-session", "-d", "-x", "200", "-y", "50", command);
        assertTrue(started.isBlank(), "tmux new-session said: " + started);
        t.waitFor("the prompt", setup.ready());
        return t;
    }

    /** Types: each argument is literal text, or a tmux key name (Enter, Tab, Up, Escape, C-c, C-u). */
    void keys(String... keys) throws Exception {
        for (String k : keys) {
            if (k.equals("Enter") || k.equals("Tab") || k.equals("Up") || k.equals("Escape") || k.startsWith("C-")) {
                tmux("send-keys", "-t", "0", k);
            } else {
                tmux("send-keys", "-t", "0", "-l", "--", k);
            }
        }
    }

    /** Types a command and Enter, then waits for what it should show. */
    String run(String command, String what, Predicate<String> ok) throws Exception {
        keys(command, "Enter");
        return waitFor(what, ok);
    }

    String screen() throws Exception {
        return tmux("capture-pane", "-p", "-J", "-S", "-2000", "-t", "0");
    }

    /** The screen with its colours, as escape sequences. */
    String coloured() throws Exception {
        return tmux("capture-pane", "-p", "-e", "-J", "-S", "-2000", "-t", "0");
    }

    /** Polls the screen until it shows what is expected; fails with the screen after a timeout. */
    String waitFor(String what, Predicate<String> ok) throws Exception {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        String s = screen();
        while (!ok.test(s)) {
            if (System.currentTimeMillis() > end) {
                fail("timed out waiting for " + what + "; the screen:\n" + s);
            }
            Thread.sleep(50);
            s = screen();
        }
        return s;
    }

    static List<String> lines(String screen) {
        return Arrays.stream(screen.split("\n")).map(String::stripTrailing).toList();
    }

    static String lastLine(String screen) {
        List<String> l = new ArrayList<>(lines(screen));
        while (!l.isEmpty() && l.get(l.size() - 1).isEmpty()) {
            l.remove(l.size() - 1);
        }
        return l.isEmpty() ? "" : l.get(l.size() - 1);
    }

    /** How many times {@code part} occurs in {@code text}. */
    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** How many lines are exactly {@code line}. */
    static int count(List<String> lines, String line) {
        return (int) lines.stream().filter(line::equals).count();
    }

    /** How many lines start with this (table rows by name). */
    static int rows(String screen, String start) {
        return (int) lines(screen).stream().filter(l -> l.startsWith(start)).count();
    }

    /** The lines printed after the last time {@code command} was typed at the prompt. */
    static List<String> after(String screen, String command) {
        List<String> l = lines(screen);
        // Keys typed before the prompt came back are echoed ahead of it on the same line.
        int at = l.size() - 1;
        while (at >= 0 && !l.get(at).endsWith(PROMPT + command)) {
            at--;
        }
        return at < 0 ? List.of() : l.subList(at + 1, l.size());
    }

    /** Whether {@code command} has ended: the prompt is back under it. */
    static boolean finished(String screen, String command) {
        return !after(screen, command).isEmpty() && lastLine(screen).equals(PROMPT.strip());
    }

    private static boolean installed() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Override
    public void close() throws Exception {
        tmux("kill-server");
    }
}
