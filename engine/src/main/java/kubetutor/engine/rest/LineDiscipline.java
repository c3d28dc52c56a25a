package kubetutor.engine.rest;

import kubetutor.engine.container.sh.InteractiveShell;
import kubetutor.engine.container.sh.Step;

import java.util.function.Consumer;

/**
 * The terminal side of {@code kubectl exec -it}: kubectl puts the learner's terminal in raw mode
 * and sends keystrokes, so the pod's tty echoes them, edits the line (backspace, Ctrl-U), turns
 * Enter into a line for the shell, Ctrl-C into SIGINT and Ctrl-D on an empty line into end of input,
 * and writes "\n" as "\r\n".
 */
final class LineDiscipline {
    private final InteractiveShell shell;
    private final Consumer<String> echo;
    private final Consumer<Step> stepped;
    private final StringBuilder line = new StringBuilder();
    private boolean busy;
    /** Keys typed while a command ran, not read by the shell yet. */
    private final StringBuilder typeahead = new StringBuilder();
    private boolean draining;
    private int escape;

    LineDiscipline(InteractiveShell shell, Consumer<String> echo, Consumer<Step> stepped) {
        this.shell = shell;
        this.echo = echo;
        this.stepped = stepped;
    }

    static String onlcr(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    void start() {
        prompt();
    }

    void prompt() {
        busy = false;
        echo.accept(shell.prompt());
        if (!draining) {
            drain();
        }
    }

    Step resume() {
        return shell.resume();
    }

    /**
     * Keystrokes. While a command runs, the tty is in cooked mode, as under a real shell: it echoes
     * what is typed at once and keeps it (Ctrl-C interrupts the command and throws it away); the
     * shell reads it when its prompt comes back, and echoes it again as it edits the line.
     */
    void type(String keys) {
        for (int i = 0; i < keys.length(); i++) {
            char c = keys.charAt(i);
            if (busy && c == 3) {
                echo.accept("^C\r\n");
                typeahead.setLength(0);
                shell.interrupt();
                prompt();
            } else if (busy) {
                typeahead.append(c);
                echo.accept(cookedEcho(c));
            } else {
                typeahead.append(c);
                drain();
            }
        }
    }

    /** What a tty in cooked mode echoes for a key (ECHOCTL shows control keys as ^X). */
    private static String cookedEcho(char c) {
        if (c == '\r' || c == '\n') {
            return "\r\n";
        }
        if (c == 127) {
            return "^?";
        }
        return c < ' ' ? "^" + (char) (c + '@') : String.valueOf(c);
    }

    /** The shell reads what was typed ahead, up to a line that starts a command. */
    private void drain() {
        draining = true;
        try {
            while (!busy && typeahead.length() > 0) {
                char c = typeahead.charAt(0);
                typeahead.deleteCharAt(0);
                edit(c);
            }
        } finally {
            draining = false;
        }
    }

    /** One key at the shell's prompt: line editing as busybox sh does it. */
    private void edit(char c) {
        if (escape > 0) {
            // an arrow or function key (ESC [ ... final byte): no history or cursor movement here
            escape = (escape == 1 && c == '[') || (escape == 2 && (c < '@' || c > '~')) ? 2 : 0;
            return;
        }
        if (c == 3) {
            echo.accept("^C\r\n");
            line.setLength(0);
            prompt();
        } else if (c == 27) {
            escape = 1;
        } else if (c == '\r' || c == '\n') {
            echo.accept("\r\n");
            String typed = line.toString();
            line.setLength(0);
            busy = true;
            stepped.accept(shell.feed(typed));
        } else if (c == 127 || c == 8) {
            if (line.length() > 0) {
                line.setLength(line.length() - 1);
                echo.accept("\b \b");
            }
        } else if (c == 21) {
            echo.accept("\b \b".repeat(line.length()));
            line.setLength(0);
        } else if (c == 4) {
            if (line.length() == 0) {
                busy = true;
                stepped.accept(new Step.Exited(shell.lastStatus()));
            }
        } else if (c >= ' ') {
            line.append(c);
            echo.accept(String.valueOf(c));
        }
    }
}
