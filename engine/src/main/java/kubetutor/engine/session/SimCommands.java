package kubetutor.engine.session;

import kubetutor.engine.clustermap.ClusterMapCommand;
import kubetutor.engine.command.CommandInput;
import kubetutor.engine.command.CommandSpec;
import kubetutor.engine.command.FlagSpec;
import kubetutor.engine.command.UsageException;
import kubetutor.engine.command.ValueKind;
import kubetutor.engine.kubectl.Durations;
import kubetutor.engine.kubectl.Help;
import kubetutor.engine.lesson.Tutor;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.timeline.TimelineCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** The simulator's own commands (sleep, clock, node, reset, save, load) and the workspace helpers (ls, cat, cd, pwd). */
final class SimCommands {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss 'UTC' yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Session session;

    SimCommands(Session session) {
        this.session = session;
    }

    static List<CommandSpec> specs() {
        return List.of(
                CommandSpec.of("sleep", "Let simulated time pass (sleep 30, sleep 30s, sleep 5m)", List.of(), ValueKind.DURATION),
                CommandSpec.of("clock", "Show the simulated time; 'clock realtime [SPEED]' or 'clock manual'", List.of())
                        .withSubcommands(List.of(
                                CommandSpec.of("realtime", "Let simulated time follow the wall clock, SPEED times faster",
                                        List.of(), ValueKind.TEXT),
                                CommandSpec.of("manual", "Move simulated time only with sleep and watches", List.of()))),
                NodeCommand.spec(),
                TimelineCommand.spec(),
                ClusterMapCommand.spec(),
                CommandSpec.of("reset", "Start again with a fresh cluster", List.of()),
                CommandSpec.of("save", "Save the whole session to a snapshot file", List.of(), ValueKind.FILE),
                CommandSpec.of("load", "Restore a session from a snapshot file", List.of(), ValueKind.FILE),
                CommandSpec.of("transcript", "Save the commands so far and what they printed as Markdown", List.of(), ValueKind.FILE),
                CommandSpec.of("ls", "List workspace files", List.of(FlagSpec.bool("l", "l", "long listing"),
                        FlagSpec.bool("a", "a", "show hidden files")), ValueKind.FILE),
                CommandSpec.of("cat", "Print a workspace file", List.of(), ValueKind.FILE),
                CommandSpec.of("cd", "Change the workspace directory", List.of(), ValueKind.FILE),
                CommandSpec.of("pwd", "Print the workspace directory", List.of()),
                CommandSpec.of("echo", "Print its arguments", List.of(), ValueKind.TEXT),
                CommandSpec.of("mkdir", "Make workspace directories (-p: with their parents)", List.of(), ValueKind.FILE),
                CommandSpec.of("touch", "Make an empty workspace file", List.of(), ValueKind.FILE),
                CommandSpec.of("rm", "Remove workspace files (-r: directories, -f: no complaint)", List.of(), ValueKind.FILE),
                CommandSpec.of("cp", "Copy workspace files", List.of(), ValueKind.FILE),
                CommandSpec.of("mv", "Move or rename workspace files", List.of(), ValueKind.FILE),
                CommandSpec.of("clear", "Clear the screen", List.of()),
                CommandSpec.of("export", "Set shell variables ($NAME) and mark them exported", List.of(), ValueKind.TEXT),
                CommandSpec.of("true", "Do nothing, successfully (cmd || true)", List.of(), ValueKind.TEXT),
                CommandSpec.of("false", "Do nothing, unsuccessfully", List.of(), ValueKind.TEXT),
                CommandSpec.of(":", "Do nothing, successfully", List.of(), ValueKind.TEXT),
                CommandSpec.of("grep", "Text tools for kubectl's output and workspace files: grep, awk, sed, sort, uniq,"
                        + " cut, wc, tr, head, tail, tee, xargs", List.of(), ValueKind.FILE),
                CommandSpec.of("curl", "Fetch a URL (localhost:PORT after kubectl port-forward, or a pod IP)", List.of(), ValueKind.TEXT),
                CommandSpec.of("jobs", "List the background jobs (CMD & starts one in the interactive shell)", List.of()),
                CommandSpec.of("fg", "Bring a background job to the foreground (fg %N); Ctrl-C stops it", List.of(), ValueKind.TEXT),
                CommandSpec.of("bg", "Let a stopped job go on in the background (bg %N)", List.of(), ValueKind.TEXT),
                CommandSpec.of("kill", "Stop a background job (kill %N)", List.of(), ValueKind.TEXT),
                CommandSpec.of("help", "Show what you can type (help COMMAND: one command)", List.of(), ValueKind.HELP_TOPIC),
                CommandSpec.of("lesson", "List the lessons; 'lesson ID [--present]' starts one; 'lesson stop|reset'; 'lesson export|import FILE'", List.of(), ValueKind.LESSON),
                CommandSpec.of("next", "Go to the lesson's next step", List.of()),
                CommandSpec.of("back", "Go back to the lesson's previous step", List.of()),
                CommandSpec.of("hint", "A hint for the lesson's current step", List.of()),
                CommandSpec.of("check", "Say what the current step still wants of the cluster", List.of()),
                CommandSpec.of("solution", "Show commands that do the current step (you type them)", List.of()),
                CommandSpec.of("lang", "Show or set the lessons' language: 'lang en' or 'lang ko'", List.of(), ValueKind.LANGUAGE));
    }

    /**
     * Whether a command goes into the session's journal: everything that may move the cluster or the
     * session's settings does; the workspace helpers only read or write the host's files, timeline
     * only reads the cluster, and save, load and reset replace the journal rather than add to it.
     * cluster is journaled: with -w it lets simulated time pass, as a watch does.
     */
    static boolean journaled(String name) {
        // Lesson commands move through text, not the cluster; starting a lesson resets, and its setup
        // commands are journaled as they run.
        return !Set.of("pwd", "cd", "ls", "cat", "echo", "help", "save", "load", "reset", "mkdir", "touch", "rm", "cp", "mv",
                "clear", "true", "false", ":", "timeline", "transcript", "jobs", "fg", "bg", "kill").contains(name)
                && !TextTools.NAMES.contains(name)
                && !Tutor.COMMANDS.contains(name);
    }

    int run(String name, List<String> args, CommandInput input, Sink sink, Pacer pacer) {
        try {
            refuseExtraOperands(name, args);
            if (Tutor.COMMANDS.contains(name)) {
                return session.tutor().run(name, args, sink::emit);
            }
            return switch (name) {
                case "sleep" -> sleep(args, sink, pacer);
                case "clock" -> clock(args, sink);
                case "node" -> NodeCommand.run(session.cluster(), args, sink);
                case "timeline" -> TimelineCommand.run(args, session.namespace(), session.cluster().store(),
                        session.cluster().podLives(), session.now(), sink);
                case "cluster" -> ClusterMapCommand.run(args, session.namespace(), session.cluster(), pacer, sink);
                case "reset" -> {
                    session.reset();
                    sink.emit(Output.Text.message("A fresh cluster is ready."));
                    session.tutor().afterReset(sink::emit);
                    yield 0;
                }
                case "save" -> Snapshots.save(session, args, sink);
                case "load" -> Snapshots.load(session, args, sink);
                case "transcript" -> Transcripts.save(session, args, sink);
                case "pwd" -> {
                    sink.emit(Output.Text.message(session.workDirShown()));
                    yield 0;
                }
                case "cd" -> cd(args, sink);
                case "ls" -> ls(args, sink);
                case "cat" -> cat(args, input, sink);
                case "mkdir", "touch", "rm", "cp", "mv" -> WorkspaceFiles.run(name, args, session::resolve, sink);
                case "true", ":" -> 0;
                case "false" -> 1;
                case "clear" -> {
                    sink.emit(new Output.Text("\u001b[H\u001b[2J\u001b[3J", Output.TextKind.MESSAGE)); // what ncurses' clear writes for xterm
                    yield 0;
                }
                case "export" -> export(args, sink);
                case "help" -> args.isEmpty() ? help(sink) : helpOn(args, sink);
                case "curl" -> Curl.run(session.cluster(), args, sink, session::resolve, pacer);
                case "jobs", "fg", "bg", "kill" -> JobControl.run(name, args, sink);
                default -> unknown(name, sink);
            };
        } catch (UsageException e) {
            sink.emit(Output.Error.of(e.getMessage()));
            return e.exitCode();
        }
    }

    /**
     * A command that takes no operand (reset, next, clock manual) or one (lesson ID, cd DIR) refuses
     * more rather than ignoring them: "reset extra" is more likely a slip than a wish for a reset.
     */
    private static void refuseExtraOperands(String name, List<String> args) {
        CommandSpec spec = specs().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
        List<String> operands = args;
        if (spec != null && !args.isEmpty() && spec.subcommand(args.get(0)).isPresent()) {
            spec = spec.subcommand(args.get(0)).get();
            operands = args.subList(1, args.size());
        }
        if (spec == null || name.equals("pwd") || name.equals("cluster")) {
            return; // pwd ignores operands, as sh's does; cluster tells its flags from operands itself
        }
        int most = spec.args().isEmpty() ? 0 : ONE_OPERAND.contains(spec.name()) ? 1 : Integer.MAX_VALUE;
        if (operands.size() > most && spec.subcommands().isEmpty()) {
            throw new UsageException(name + ": extra operand '" + operands.get(most) + "' (see 'help " + name + "')");
        }
    }

    private static final Set<String> LINUX = Set.of("mkdir", "touch", "rm", "cp", "mv", "clear", "export", "true", "false", ":",
            "grep", "jobs", "fg", "bg", "kill");

    /** The commands whose one operand does not repeat (sleep 1m 30s adds up; lesson a b means nothing). */
    private static final Set<String> ONE_OPERAND = Set.of("lang", "cd", "realtime", "transcript");

    private int sleep(List<String> args, Sink sink, Pacer pacer) {
        if (args.isEmpty()) {
            throw new UsageException("sleep: missing operand");
        }
        Duration total = Duration.ZERO;
        for (String a : args) {
            Duration d;
            try {
                d = Durations.parse(a);
            } catch (UsageException e) {
                throw new UsageException("sleep: invalid number '" + a + "'");
            }
            total = d.compareTo(ClockSpan.MAX) > 0 ? d : total.plus(d);
            if (total.compareTo(ClockSpan.MAX) > 0) {
                throw new UsageException("sleep: at most " + ClockSpan.MAX.toDays() + "d at a time in kubetutor (every"
                        + " probe, restart and event on the way is simulated)");
            }
        }
        var sim = session.cluster().sim();
        if (!pacer.runUntil(sim, () -> false, sim.now().plus(total))) {
            return 130;
        }
        return 0;
    }

    private int clock(List<String> args, Sink sink) {
        if (args.isEmpty()) {
            ClockMode m = session.clockMode();
            sink.emit(Output.Text.message(DATE.format(session.now()) + "  (simulated; clock "
                    + (m.realtime() ? "realtime" + (m.speed() == 1 ? "" : " x" + trim(m.speed())) : "manual") + ")"));
            return 0;
        }
        switch (args.get(0)) {
            case "realtime" -> {
                double speed = 1;
                if (args.size() > 1) {
                    try {
                        speed = Double.parseDouble(args.get(1));
                    } catch (NumberFormatException e) {
                        throw new UsageException("clock: invalid speed '" + args.get(1) + "'");
                    }
                    if (!(speed > 0 && speed <= 1000)) { // NaN too
                        throw new UsageException("clock: speed must be between 0 and 1000");
                    }
                }
                session.setClockMode(ClockMode.realtime(speed));
                sink.emit(Output.Text.message("The simulated clock now follows the wall clock"
                        + (speed == 1 ? "." : ", " + trim(speed) + " times faster.")));
                return 0;
            }
            case "manual" -> {
                session.setClockMode(ClockMode.MANUAL);
                sink.emit(Output.Text.message("The simulated clock now moves only with sleep and watches."));
                return 0;
            }
            default -> throw new UsageException("clock: unknown mode '" + args.get(0) + "' (realtime [SPEED] or manual)");
        }
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private int cd(List<String> args, Sink sink) {
        if (args.isEmpty()) {
            args = List.of(session.variables.get("HOME")); // cd alone goes home, as in sh
            TutorHome.ensure(session.workspace, session.cluster());
        }
        Path target = session.resolve(args.get(0));
        if (target == null || !Files.isDirectory(target)) {
            throw new UsageException("sh: cd: can't cd to " + (args.isEmpty() ? target : args.get(0)) + ": No such file or directory", 2);
        }
        session.setWorkDir(target);
        return 0;
    }

    /** export NAME[=value]...; export alone or -p lists the exported ones. */
    private int export(List<String> args, Sink sink) {
        if (args.isEmpty() || args.equals(List.of("-p"))) {
            String all = session.variables.exports();
            sink.emit(new Output.Text(all, Output.TextKind.MESSAGE));
            return 0;
        }
        int status = 0;
        for (String a : args) {
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                sink.emit(Output.Error.of("sh: export: " + a + ": bad variable name"));
                status = 2;
                continue;
            }
            if (a.contains("=")) {
                session.variables.assign(a);
            }
            session.variables.export(name);
        }
        return status;
    }

    private int ls(List<String> args, Sink sink) {
        List<String> paths = new ArrayList<>();
        boolean all = false;
        for (String a : args) {
            if (a.startsWith("-")) {
                all |= a.contains("a");
            } else {
                paths.add(a);
            }
        }
        if (paths.isEmpty()) {
            paths.add(".");
        }
        StringBuilder sb = new StringBuilder();
        int status = 0;
        for (String p : paths) {
            Path dir = session.resolve(p);
            if (dir == null || !Files.exists(dir)) {
                sink.emit(Output.Error.of("ls: cannot access '" + p + "': No such file or directory"));
                status = 2;
                continue;
            }
            if (!Files.isDirectory(dir)) {
                sb.append(p).append('\n');
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                boolean showHidden = all;
                s.map(x -> x.getFileName().toString() + (Files.isDirectory(x) ? "/" : ""))
                        .filter(n -> showHidden || !n.startsWith(".")).sorted().forEach(n -> sb.append(n).append('\n'));
            } catch (IOException e) {
                throw new UsageException("ls: " + p + ": " + e.getMessage());
            }
        }
        if (sb.length() > 0) {
            sink.emit(new Output.Text(sb.toString(), Output.TextKind.MESSAGE));
        }
        return status;
    }

    private int cat(List<String> args, CommandInput input, Sink sink) {
        if (args.isEmpty()) {
            if (input.stdin() != null) {
                sink.emit(new Output.Text(input.stdin(), Output.TextKind.MESSAGE));
            }
            return 0;
        }
        int status = 0;
        for (String a : args) {
            Path f = session.resolve(a);
            if (f == null || !Files.isRegularFile(f)) {
                sink.emit(Output.Error.of("cat: " + a + ": " + (f != null && Files.isDirectory(f) ? "Is a directory"
                        : "No such file or directory")));
                status = 1;
                continue;
            }
            try {
                // Bytes that are not UTF-8 show as U+FFFD, as a terminal shows them.
                sink.emit(new Output.Text(new String(Files.readAllBytes(f), StandardCharsets.UTF_8), Output.TextKind.MESSAGE));
            } catch (IOException e) {
                sink.emit(Output.Error.of("cat: " + a + ": " + (e instanceof java.nio.file.AccessDeniedException
                        ? "Permission denied" : "Input/output error")));
                status = 1;
            }
        }
        return status;
    }

    private int help(Sink sink) {
        StringBuilder sb = new StringBuilder("You are at the prompt of a simulated Kubernetes cluster. Type real kubectl commands:\n")
                .append("  kubectl get nodes, kubectl get pods -A, kubectl create -f FILE, kubectl describe pod NAME ...\n")
                .append("  (k is kubectl too; 'kubectl COMMAND --help' explains one command)\n\nSimulator commands:\n");
        for (CommandSpec s : specs()) {
            if (s.name().equals("lesson")) {
                sb.append("\nLesson commands:\n");
            }
            sb.append(String.format("  %-9s %s%n", s.name(), s.summary()));
        }
        sb.append("\n  exit      Leave (Ctrl-D too)\n");
        sink.emit(new Output.Text(sb.toString(), Output.TextKind.MESSAGE));
        return 0;
    }

    /**
     * One topic: a simulator command's page, or kubectl's own help for "kubectl VERB" (the "kubectl"
     * may be left out: help get).
     */
    private int helpOn(List<String> args, Sink sink) {
        String topic = args.get(0);
        Optional<String> page = SimHelp.page(topic);
        if (page.isPresent() && args.size() == 1) {
            sink.emit(new Output.Text(page.get(), Output.TextKind.MESSAGE));
            return 0;
        }
        List<String> kubectlArgs = topic.equals("kubectl") || topic.equals("k") ? args.subList(1, args.size()) : args;
        if (kubectlArgs.isEmpty() || session.isKubectlCommand(kubectlArgs.get(0))) {
            List<String> helpArgs = new ArrayList<>(List.of("help"));
            helpArgs.addAll(kubectlArgs);
            return session.kubectl(helpArgs, sink);
        }
        sink.emit(Output.Error.of("help: no help topics match '" + String.join(" ", args) + "'. Type help to see them all."));
        return 1;
    }

    private int unknown(String name, Sink sink) {
        List<String> known = new ArrayList<>(List.of("kubectl", "k"));
        // The Linux commands are left out: a shell does not correct their typos either.
        specs().stream().map(CommandSpec::name).filter(n -> !LINUX.contains(n)).forEach(known::add);
        List<String> close = Help.suggest(name, known);
        String msg = "sh: " + name + ": not found";
        if (!close.isEmpty() && !name.equals("k")) {
            msg += "\nDid you mean " + close.get(0) + "?";
        }
        sink.emit(Output.Error.of(msg));
        return 127;
    }
}
