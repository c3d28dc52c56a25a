package kubetutor.shell;

import kubetutor.engine.api.Meta;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.command.CommandInput;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.ScriptReader;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.container.Terminal;
import kubetutor.engine.kubectl.Durations;
import kubetutor.engine.output.Output;
import kubetutor.engine.session.InternalFailure;
import kubetutor.engine.session.ClockMode;
import kubetutor.engine.session.Session;
import kubetutor.engine.sim.Pacer;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The read-eval-print loop: reads a command from the {@link Console}, lets the simulated clock catch
 * up with the wall clock in realtime mode, runs the command in the {@link Session}, and prints what
 * it emits. Nothing typed ends the loop but {@code exit} and Ctrl-D.
 */
final class Repl {
    /** The shell's own commands, added to the session's for completion and highlighting. */
    static final List<CommandSpec> SHELL_COMMANDS = List.of(
            CommandSpec.of("exit", "Leave kubetutor (Ctrl-D too)", List.of()),
            CommandSpec.of("edit", "Edit a workspace file in $EDITOR", List.of(), ValueKind.FILE),
            CommandSpec.of("vi", "Edit a workspace file in $EDITOR", List.of(), ValueKind.FILE),
            CommandSpec.of("vim", "Edit a workspace file in $EDITOR", List.of(), ValueKind.FILE),
            CommandSpec.of("nano", "Edit a workspace file in $EDITOR", List.of(), ValueKind.FILE),
            CommandSpec.of("serve", "Serve this cluster over the Kubernetes API for a second terminal ('serve stop' ends it)",
                    List.of(), ValueKind.TEXT));

    private final Session session;
    private final Console console;
    private final Renderer renderer;
    private final Prompt prompt = new Prompt();
    private final InPlace inPlace = new InPlace();
    private final ShellPacer.WallClock wall;
    private final Editor editor;
    private volatile ShellPacer running;
    private long lastSync;
    /** Held by whoever touches the session: this loop, the idle clock, the API server's requests. */
    private final EngineLock engine;
    private final Jobs jobs;
    private final JobCommands jobCommands;
    private final IdleClock idleClock;
    private final Serving serving;

    Repl(Session session, Console console, ShellPacer.WallClock wall, Editor editor) {
        this(session, console, wall, editor, new EngineLock());
    }

    Repl(Session session, Console console, ShellPacer.WallClock wall, Editor editor, EngineLock engine) {
        this.session = session;
        this.engine = engine;
        this.jobs = new Jobs(session);
        this.serving = new Serving(session, engine);
        this.idleClock = new IdleClock(session, engine, this::catchUpWithWallClock, () -> jobs.any() || serving.running());
        this.console = console;
        this.renderer = new Renderer(console.color(), console::width, () -> session.tutor().presenting());
        this.wall = wall;
        this.editor = editor;
        this.jobCommands = new JobCommands(jobs, this::waitInForeground);
        prompt.lessonStep(() -> session.tutor().promptStep().orElse(null));
        console.onInterrupt(() -> {
            ShellPacer p = running;
            if (p != null) {
                p.cancel();
            }
        });
    }

    Prompt prompt() {
        return prompt;
    }

    /** Runs until exit or Ctrl-D. Returns the shell's exit status. */
    int run() {
        return run(null);
    }

    /** @param first a command run as if typed before the first prompt (the presenter's lesson), or null */
    int run(String first) {
        console.print(welcome());
        lastSync = wall.nanos();
        String notice = session.tutor().progressNotice();
        if (notice != null) {
            emit(Output.Error.of(notice));
        }
        if (first != null) {
            engine.run(() -> runText(first));
        }
        try {
            return loop();
        } finally {
            engine.run(jobs::killAll);
            idleClock.close();
            serving.stop();
        }
    }

    private int loop() {
        while (true) {
            engine.lock();
            String promptText;
            Optional<Terminal> attached;
            String typed;
            try {
                catchUpWithWallClock();
                String ended = jobs.takeEnded();
                if (!ended.isEmpty()) {
                    console.print(ended); // bash reports ended jobs just before its next prompt
                }
                attached = session.terminal();
                typed = attached.isPresent() ? null : session.tutor().takePrefill().orElse(null);
                promptText = attached.isPresent() ? attached.get().prompt() : prompt.render(session.namespace(), renderer.color());
            } finally {
                engine.unlock();
            }
            String text = console.readCommand(promptText, typed);
            engine.lock();
            try {
                Integer status = runTyped(text, attached, typed);
                if (status != null) {
                    return status;
                }
            } finally {
                engine.unlock();
            }
        }
    }

    /** One line the learner typed; the exit status when it ends the shell, else null. */
    private Integer runTyped(String text, Optional<Terminal> attached, String typed) {
        if (typed != null && (text == null || !text.strip().equals(typed.strip()))) {
            session.tutor().dropPrefill(); // the learner went their own way: the rest of the solution waits no longer
        }
        if (attached.isPresent()) {
            // Lines typed to a container shell (kubectl exec -it, run -it) are that shell's, "exit"
            // included; Ctrl-D ends it as it ends sh.
            runAttached(text == null ? "exit" : text);
            return null;
        }
        if (text == null) {
            console.print("\n");
            return 0;
        }
        String command = text.strip();
        if (command.isEmpty()) {
            return null;
        }
        if (command.equals("exit") || command.startsWith("exit ")) {
            return 0;
        }
        try {
            runText(text);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Nothing typed may end the shell, and no stack trace reaches the learner (but with --debug).
            console.print(renderer.render(Output.Error.of(InternalFailure.describe(e, "this command"))));
            console.print(InternalFailure.debugText(e));
        }
        return null;
    }

    private void runAttached(String text) {
        catchUpWithWallClock();
        ShellPacer pacer = new ShellPacer(session.clockMode(), null, engine.releasingDuringSleep(wall), console::status);
        running = pacer;
        engine.foreground(true);
        try {
            session.execute(text, this::emit, pacer);
        } finally {
            engine.foreground(false);
            running = null;
            pacer.finish();
        }
        lastSync = wall.nanos();
    }

    private void runText(String text) {
        catchUpWithWallClock();
        List<CommandInput> commands;
        try {
            commands = ScriptReader.read(text);
        } catch (ScriptReader.Unreadable e) {
            session.execute(text, this::emit, Pacer.IMMEDIATE); // the session words the error
            return;
        }
        int status = 0;
        for (CommandInput c : commands) {
            if (!c.when().runsAfter(status)) {
                continue;
            }
            String first = c.words().get(0);
            if (c.background()) {
                jobs.start(withoutAmpersand(c.text()), this::emitAbove, console::print);
                status = 0;
                continue;
            }
            if (JobCommands.NAMES.contains(first)) {
                status = jobCommands.run(c.words(), this::emit);
                continue;
            }
            if (first.equals("serve")) {
                status = serving.run(c.words().subList(1, c.words().size()), this::emit);
                continue;
            }
            if (SHELL_COMMANDS.stream().anyMatch(s -> s.name().equals(first) && !first.equals("exit"))) {
                editor.edit(first, c.words().subList(1, c.words().size()), this::emit);
                status = 0;
                continue;
            }
            ShellPacer pacer = new ShellPacer(session.clockMode(), sleepTotal(c), engine.releasingDuringSleep(wall), console::status);
            running = pacer;
            var cluster = session.cluster();
            engine.foreground(true);
            try {
                status = session.execute(c.text(), this::emit, pacer);
            } finally {
                engine.foreground(false);
                running = null;
                pacer.finish();
            }
            if (session.cluster() != cluster) {
                jobs.killAll(); // reset or load replaced the cluster the jobs ran on
            }
            if (pacer.cancelled()) {
                console.print("\n");
                break; // Ctrl-C stops the rest of the input too
            }
        }
        lastSync = wall.nanos();
    }

    /**
     * {@code fg}: lets the clock run as a foreground command does (following the wall clock; at
     * speed 1 in manual mode, where nothing else would move it) until the job ends or Ctrl-C.
     */
    private boolean waitInForeground(java.util.function.BooleanSupplier done) {
        ClockMode mode = session.clockMode().realtime() ? session.clockMode() : ClockMode.realtime(1);
        ShellPacer pacer = new ShellPacer(mode, null, engine.releasingDuringSleep(wall), console::status);
        running = pacer;
        engine.foreground(true);
        try {
            return pacer.runUntil(session.cluster().sim(), done, java.time.Instant.MAX);
        } finally {
            engine.foreground(false);
            running = null;
            pacer.finish();
            lastSync = wall.nanos();
        }
    }

    /** A job's command as bash shows it in {@code jobs}: what was typed, without its {@code &}. */
    static String withoutAmpersand(String text) {
        String t = text.strip();
        return t.endsWith("&") && !t.endsWith("&&") ? t.substring(0, t.length() - 1).strip() : t;
    }

    /** What a background job prints: above the prompt, which stays as the learner left it. */
    private void emitAbove(Output output) {
        console.printAbove(renderer.render(output));
    }

    /** In realtime mode, the simulation lives through the time the learner spent at the prompt. */
    private void catchUpWithWallClock() {
        long now = wall.nanos();
        ClockMode mode = session.clockMode();
        if (mode.realtime()) {
            long simNanos = (long) ((now - lastSync) * mode.speed());
            if (simNanos > 0) {
                session.advance(Duration.ofNanos(simNanos));
            }
        }
        lastSync = now;
    }

    /** How long a {@code sleep} command sleeps (for its progress line), or null for any other command. */
    private static Duration sleepTotal(CommandInput c) {
        if (!c.words().get(0).equals("sleep")) {
            return null;
        }
        Duration total = Duration.ZERO;
        try {
            for (String a : c.words().subList(1, c.words().size())) {
                total = total.plus(Durations.parse(a));
            }
        } catch (RuntimeException e) {
            return null; // the engine reports the bad operand
        }
        return total;
    }

    private void emit(Output output) {
        console.print(inPlace.place(output, renderer.render(output), console.width(), console.height()));
    }

    private String welcome() {
        String nodes = session.cluster().store().list(ResourceTypes.NODE, null).stream()
                .map(Meta::name).collect(Collectors.joining(", "));
        Welcome w = Welcome.in(session.tutor().language());
        String title = w.title(nodes);
        String lessons = w.lessons(session.tutor().curriculum().ids());
        return (renderer.color() ? Ansi.BOLD + title + Ansi.RESET : title) + "\n"
                + w.body() + (renderer.color() ? Ansi.BOLD + Ansi.CYAN + lessons + Ansi.RESET : lessons) + "\n\n";
    }
}
