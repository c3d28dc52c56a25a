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
    }

    Step resume() {
        return shell.resume();
    }

    /** Keystrokes; a completed line goes to the shell, and what it did to {@code stepped}. */
    void type(String keys) {
        for (int i = 0; i < keys.length(); i++) {
            char c = keys.charAt(i);
            if (escape > 0) {
                // an arrow or function key (ESC [ ... final byte): no history or cursor movement here
                escape = (escape == 1 && c == '[') || (escape == 2 && (c < '@' || c > '~')) ? 2 : 0;
                continue;
            }
            if (c == 3) {
                echo.accept("^C\r\n");
                line.setLength(0);
                if (busy) {
                    shell.interrupt();
                }
                prompt();
            } else if (busy) {
                continue; // typed while a command runs: a real tty would queue it; here it is dropped
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
}
