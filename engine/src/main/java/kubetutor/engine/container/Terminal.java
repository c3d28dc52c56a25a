package kubetutor.engine.container;

import kubetutor.engine.container.sh.InteractiveShell;
import kubetutor.engine.container.sh.Step;
import kubetutor.engine.output.Output;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * A shell the learner is attached to ({@code kubectl exec -it POD -- sh}, {@code kubectl run -it}).
 * The session feeds it the lines typed (or read from standard input in batch mode) until it exits;
 * the front end shows {@link #prompt()} meanwhile.
 */
public final class Terminal {
    private final InteractiveShell shell;
    private final IntFunction<List<Output>> onExit;
    private Consumer<String> out = s -> {};

    Terminal(InteractiveShell shell, IntFunction<List<Output>> onExit) {
        this.shell = shell;
        this.onExit = onExit;
    }

    /** Opens a terminal on a running container's shell; {@code onExit} says what kubectl prints after it. */
    public static java.util.Optional<Terminal> open(SimRuntime runtime, String containerId,
                                                    IntFunction<List<Output>> onExit) {
        Terminal[] t = new Terminal[1];
        return runtime.openShell(containerId, s -> t[0].out.accept(s)).map(sh -> {
            t[0] = new Terminal(sh, onExit);
            return t[0];
        });
    }

    /** Where the shell's output goes while the next line runs. */
    public void output(Consumer<String> out) {
        this.out = out;
    }

    /** Runs one line; Sleep means simulated time must pass before {@link #resume()}. */
    public Step feed(String line) {
        return shell.feed(line);
    }

    public Step resume() {
        return shell.resume();
    }

    /** Ctrl-C while a command runs: it ends, and the shell prompts again. */
    public void interrupt() {
        shell.interrupt();
    }

    /** What kubectl prints once the shell has exited with {@code status} (and what the pod does then). */
    public List<Output> exited(int status) {
        return onExit.apply(status);
    }

    public String prompt() {
        return shell.prompt();
    }
}
