package kubetutor.shell;

import kubetutor.engine.workspace.TextEditor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The editor {@code kubectl edit} opens, found and started as kubectl finds and starts it
 * (cmd/util/editor): $KUBE_EDITOR, else $EDITOR, else vi; a value with spaces is split into words,
 * or handed to $SHELL -c when it holds quotes or backslashes. The file is a real temporary file,
 * named as Go's os.CreateTemp names it. The interactive shell runs the editor on its terminal with
 * the line editor paused; batch mode runs it with the process's own standard streams.
 */
final class KubectlEditor implements TextEditor {
    /** Runs a program to its end and gives its exit status. */
    @FunctionalInterface
    interface Runner {
        int run(List<String> command, Path directory) throws IOException, InterruptedException;
    }

    /** The editor's words; through the shell, the last word is the shell's command line. */
    record Command(List<String> args, boolean shell) {}

    private final Map<String, String> env;
    private final Command editor;
    private final Path tempDir;
    private final Runner runner;
    private final Supplier<Path> directory;

    KubectlEditor(Map<String, String> env, Runner runner, Supplier<Path> directory) {
        this.env = Map.copyOf(env);
        this.editor = command(env);
        String tmp = env.get("TMPDIR");
        this.tempDir = Path.of(tmp == null || tmp.isEmpty() ? "/tmp" : tmp);
        this.runner = runner;
        this.directory = directory;
    }

    /** defaultEnvEditor: the words kubectl runs, before the file's path is added. */
    static Command command(Map<String, String> env) {
        String value = "";
        for (String name : List.of("KUBE_EDITOR", "EDITOR")) {
            value = env.getOrDefault(name, "");
            if (!value.isEmpty()) {
                break;
            }
        }
        if (value.isEmpty()) {
            value = "vi";
        }
        if (!value.contains(" ")) {
            return new Command(List.of(value), false);
        }
        if (!value.matches("(?s).*[\"'\\\\].*")) {
            return new Command(Arrays.asList(value.split(" ", -1)), false);
        }
        // rather than split quoted words itself, kubectl hands them to the shell
        String shell = env.getOrDefault("SHELL", "");
        return new Command(List.of(shell.isEmpty() ? "/bin/bash" : shell, "-c", value), true);
    }

    /** The session's $KUBE_EDITOR and $EDITOR (exported, or typed before kubectl) over the process's own. */
    @Override
    public TextEditor under(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(env);
        merged.putAll(environment);
        return new KubectlEditor(merged, runner, directory);
    }

    @Override
    public Outcome edit(String prefix, String suffix, String text) {
        Path file;
        try {
            file = createTemp(prefix, suffix);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Failed(e.getMessage());
        }
        String shown = String.join(" ", editor.args());
        List<String> command = new ArrayList<>(editor.args());
        String path = file.toAbsolutePath().toString();
        if (editor.shell()) {
            // the path goes onto the end of the shell's command line, quoted as Go's %q quotes it
            int last = command.size() - 1;
            command.set(last, command.get(last) + " \"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        } else {
            command.add(path);
        }
        try {
            if (runner.run(command, directory.get()) != 0) {
                return new Failed("there was a problem with the editor \"" + shown + "\"");
            }
        } catch (IOException e) {
            return new Failed("unable to launch the editor \"" + shown + "\"");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("there was a problem with the editor \"" + shown + "\"");
        }
        try {
            return new Saved(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Failed("open " + file + ": no such file or directory");
        }
    }

    /** os.CreateTemp: the prefix, a random number, the suffix; a new file that did not exist. */
    private Path createTemp(String prefix, String suffix) throws IOException {
        while (true) {
            long n = ThreadLocalRandom.current().nextLong(1L << 32);
            try {
                return Files.createFile(tempDir.resolve(prefix + n + suffix));
            } catch (FileAlreadyExistsException e) {
                // another one then, as Go tries again
            }
        }
    }

    @Override
    public void remove(String path) {
        try {
            Files.deleteIfExists(Path.of(path));
        } catch (IOException e) {
            // kubectl ignores a failed remove as well
        }
    }
}
