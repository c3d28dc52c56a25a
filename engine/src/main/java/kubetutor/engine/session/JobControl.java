package kubetutor.engine.session;

import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;

import java.util.List;

/**
 * {@code jobs}, {@code fg}, {@code bg} and {@code kill} where there is no job control: batch mode, scripts and
 * the kernel, where {@code CMD &} gets no time of its own (so no job is ever left running) and sh
 * answers as a non-interactive bash does. The interactive shell keeps real jobs and answers these
 * itself, with the same messages for what it cannot find.
 */
public final class JobControl {
    public static final String KILL_USAGE =
            "sh: kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]";

    private JobControl() {}

    static int run(String name, List<String> args, Sink sink) {
        return switch (name) {
            case "jobs" -> 0;
            case "fg", "bg" -> {
                sink.emit(Output.Error.of("sh: " + name + ": no job control"));
                yield 1;
            }
            default -> {
                List<String> targets = killTargets(args);
                if (targets.isEmpty()) {
                    sink.emit(Output.Error.of(KILL_USAGE));
                    yield 2;
                }
                targets.forEach(t -> sink.emit(Output.Error.of(noSuchTarget(t))));
                yield 1;
            }
        };
    }

    /** What {@code kill} was asked to stop: its operands, its signal options left out. */
    public static List<String> killTargets(List<String> args) {
        return args.stream().filter(a -> !a.startsWith("-") || a.equals("-")).toList();
    }

    /** bash's answer to a {@code kill} operand that names no job and no process. */
    public static String noSuchTarget(String target) {
        if (target.startsWith("%")) {
            return "sh: kill: " + target + ": no such job";
        }
        if (target.matches("\\d+")) {
            return "sh: kill: (" + target + ") - No such process";
        }
        return "sh: kill: " + target + ": arguments must be process or job IDs";
    }
}
