package kubetutor.shell;

import java.util.List;

/**
 * The terminal as the REPL sees it. All JLine code sits behind this one seam (as jshell's
 * IOContext does), so the REPL runs in a unit test with a scripted console.
 */
interface Console extends AutoCloseable {

    /**
     * Reads one whole command: several lines when a here-document, quote or trailing backslash is
     * still open. Returns "" when the user pressed Ctrl-C at the prompt, null at end of input (Ctrl-D).
     */
    String readCommand(String prompt);

    /** As {@link #readCommand(String)}, with {@code typed} already at the prompt for the user to edit or run. */
    default String readCommand(String prompt, String typed) {
        return readCommand(prompt);
    }

    /** Writes text (already coloured or not) as it is. */
    void print(String text);

    /**
     * Writes text from a background job: above the prompt and what is typed at it, which are drawn
     * again below; as {@link #print} while no prompt is showing.
     */
    default void printAbove(String text) {
        print(text);
    }

    /** Shows a transient line under the output, replacing the previous one; "" removes it. */
    void status(String line);

    /** Ctrl-C while a command runs calls this (from another thread). */
    void onInterrupt(Runnable handler);

    /** Whether the terminal shows colour. */
    boolean color();

    /**
     * The terminal's width in columns now (it can change between commands), or 0 when output does
     * not go to a real terminal: kubectl wraps its help to a terminal only.
     */
    default int width() {
        return 0;
    }

    /** The terminal's height in rows now, or 0 when output does not go to a real terminal. */
    default int height() {
        return 0;
    }

    /**
     * Runs an outside program (the user's editor) on the real terminal, the line editor paused.
     * Returns its exit status.
     */
    int runExternal(List<String> command, java.nio.file.Path directory) throws java.io.IOException, InterruptedException;

    @Override
    void close();
}
