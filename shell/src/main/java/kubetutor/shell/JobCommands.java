package kubetutor.shell;

import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;
import kubetutor.engine.session.JobControl;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.BooleanSupplier;

/**
 * {@code jobs}, {@code fg}, {@code bg} and {@code kill} at the interactive prompt, where there is job control:
 * bash's answers and messages (the shell calls itself {@code sh}, as in its other errors). The
 * engine registers the commands and answers them where there is none ({@link JobControl}).
 */
final class JobCommands {
    static final List<String> NAMES = List.of("jobs", "fg", "bg", "kill");

    private final Jobs jobs;
    private final Predicate<BooleanSupplier> foreground;

    /** @param foreground lets the clock run until the condition holds; false when Ctrl-C stopped the wait */
    JobCommands(Jobs jobs, Predicate<BooleanSupplier> foreground) {
        this.jobs = jobs;
        this.foreground = foreground;
    }

    int run(List<String> words, Sink sink) {
        List<String> args = words.subList(1, words.size());
        return switch (words.get(0)) {
            case "jobs" -> {
                String list = jobs.list();
                if (!list.isEmpty()) {
                    sink.emit(new Output.Text(list, Output.TextKind.MESSAGE));
                }
                yield 0;
            }
            case "fg" -> fg(args, sink);
            case "bg" -> bg(args, sink);
            default -> kill(args, sink);
        };
    }

    private int fg(List<String> args, Sink sink) {
        String spec = args.isEmpty() ? "%+" : args.get(0);
        Optional<Job> job = jobs.find(spec);
        if (job.isEmpty()) {
            sink.emit(Output.Error.of("sh: fg: " + (args.isEmpty() ? "current" : spec) + ": no such job"));
            return 1;
        }
        Job j = job.get();
        jobs.forget(j);
        sink.emit(Output.Text.message(j.command() + "\n"));
        if (!foreground.test(j::finished)) {
            j.kill(); // Ctrl-C reaches the foreground job, and it dies of it, quietly
            sink.emit(new Output.Text("\n", Output.TextKind.MESSAGE)); // the line after the terminal's ^C
            return 130;
        }
        return j.status();
    }

    /**
     * bash's bg. Ctrl-Z does not stop a foreground command here, so no job is ever stopped: every
     * job bg finds is running already, which bash says and counts as success.
     */
    private int bg(List<String> args, Sink sink) {
        Optional<String> option = args.stream().filter(a -> a.startsWith("-") && !a.equals("-") && !a.equals("--")).findFirst();
        if (option.isPresent()) {
            sink.emit(Output.Error.of("sh: bg: " + option.get() + ": invalid option\nbg: usage: bg [job_spec ...]"));
            return 2;
        }
        List<String> specs = args.isEmpty() ? List.of("%+") : args.stream().filter(a -> !a.equals("--")).toList();
        int status = 0;
        for (String spec : specs) {
            // a bare number is a job number to bg, as to fg
            Optional<Job> job = jobs.find(spec.matches("\\d+") ? "%" + spec : spec);
            if (job.isPresent()) {
                sink.emit(Output.Error.of("sh: bg: job " + job.get().number() + " already in background"));
            } else {
                sink.emit(Output.Error.of("sh: bg: " + (args.isEmpty() ? "current" : spec) + ": no such job"));
                status = 1;
            }
        }
        return status;
    }

    private int kill(List<String> args, Sink sink) {
        List<String> targets = JobControl.killTargets(args);
        if (targets.isEmpty()) {
            sink.emit(Output.Error.of(JobControl.KILL_USAGE));
            return 2;
        }
        int status = 0;
        for (String t : targets) {
            Optional<Job> job = jobs.find(t);
            if (job.isPresent()) {
                job.get().kill();
            } else {
                sink.emit(Output.Error.of(JobControl.noSuchTarget(t)));
                status = 1;
            }
        }
        return status;
    }
}
