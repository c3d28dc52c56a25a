package kubetutor.shell;

import kubetutor.engine.complete.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The real terminal, through JLine: line editing, persistent history with Ctrl-R search, TAB
 * completion, highlighting as you type, the secondary prompt for unfinished input, and Ctrl-C.
 *
 * <p>JLine talks to the terminal through its own JNI provider (its native library ships inside the
 * jline jar), so no Jansi jar is needed; colour is plain ANSI, which every terminal we target reads.
 */
final class JLineConsole implements Console {
    private final Terminal terminal;
    private final LineReader reader;
    private final PrintWriter out;
    private final boolean color;
    private final boolean dumb;
    private volatile Runnable interruptHandler;
    private boolean statusShown;

    /**
     * UTF-8 whenever the locale's name says so ({@code ko_KR.UTF-8}), even when that locale is not
     * installed: Java 17 then falls back to ASCII, and Korean lessons would print as question marks.
     */
    static java.nio.charset.Charset encoding(java.util.Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                String v = value.toLowerCase(java.util.Locale.ROOT);
                return v.contains("utf-8") || v.contains("utf8") ? java.nio.charset.StandardCharsets.UTF_8
                        : java.nio.charset.Charset.defaultCharset();
            }
        }
        return java.nio.charset.Charset.defaultCharset();
    }

    /** @param engine held while completion reads the cluster: a background job may be changing it */
    JLineConsole(Completer completer, EngineLock engine, boolean noColor, Path historyFile) throws IOException {
        terminal = TerminalBuilder.builder()
                .name("kubetutor")
                .system(true)
                .nativeSignals(true)
                .encoding(encoding(System.getenv()))
                // Ctrl-C while a command runs must stop the command, not the JVM.
                .signalHandler(Terminal.SignalHandler.SIG_IGN)
                .build();
        dumb = terminal.getType().startsWith(Terminal.TYPE_DUMB);
        color = !noColor && !dumb;
        terminal.handle(Terminal.Signal.INT, signal -> {
            Runnable h = interruptHandler;
            if (h != null) {
                h.run();
            }
        });
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("kubetutor")
                .completer(new ShellCompleter(completer, engine))
                .parser(new ShellParser())
                .history(new DefaultHistory())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_SIZE, 2000)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, color ? "\u001b[2m>\u001b[0m " : "> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_TAB, false)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
        if (color) {
            builder.highlighter(new CommandHighlighter(completer));
        } else {
            builder.highlighter(new PlainHighlighter());
        }
        reader = builder.build();
        out = terminal.writer();
    }

    @Override
    public String readCommand(String prompt) {
        return readCommand(prompt, null);
    }

    @Override
    public String readCommand(String prompt, String typed) {
        try {
            return reader.readLine(prompt, null, (org.jline.reader.MaskingCallback) null, typed);
        } catch (UserInterruptException e) {
            return "";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void print(String text) {
        clearStatus();
        out.print(text);
        out.flush();
    }

    @Override
    public void printAbove(String text) {
        if (text.isEmpty()) {
            return;
        }
        clearStatus();
        if (dumb) {
            out.print(text);
            out.flush();
            return;
        }
        // JLine redraws the prompt and the half-typed line under what is printed, when it is reading.
        reader.printAbove(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
    }

    @Override
    public void status(String line) {
        if (dumb) {
            return;
        }
        if (line.isEmpty()) {
            clearStatus();
            return;
        }
        out.print("\r" + line + Ansi.CLEAR_LINE);
        out.flush();
        statusShown = true;
    }

    private void clearStatus() {
        if (statusShown) {
            out.print("\r" + Ansi.CLEAR_LINE);
            out.flush();
            statusShown = false;
        }
    }

    @Override
    public void onInterrupt(Runnable handler) {
        this.interruptHandler = handler;
    }

    @Override
    public boolean color() {
        return color;
    }

    @Override
    public int width() {
        // JLine asks the terminal each time, so a resized window wraps the next help page anew.
        return dumb ? 0 : Math.max(0, terminal.getWidth());
    }

    @Override
    public int height() {
        return dumb ? 0 : Math.max(0, terminal.getHeight());
    }

    @Override
    public int runExternal(List<String> command, Path directory) throws IOException, InterruptedException {
        // The editor owns the terminal until it exits: JLine stops reading input meanwhile.
        terminal.pause(true);
        try {
            Process p = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
            return p.waitFor();
        } finally {
            terminal.resume();
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            // History is a convenience; losing it must not spoil the exit.
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // Leaving anyway.
        }
    }

    /** No colour: the line as typed. */
    private static final class PlainHighlighter implements org.jline.reader.Highlighter {
        @Override
        public AttributedString highlight(LineReader reader, String buffer) {
            return new AttributedString(buffer);
        }

        @Override
        public void setErrorPattern(java.util.regex.Pattern errorPattern) {
            // Nothing to colour.
        }

        @Override
        public void setErrorIndex(int errorIndex) {
            // Nothing to colour.
        }
    }
}
