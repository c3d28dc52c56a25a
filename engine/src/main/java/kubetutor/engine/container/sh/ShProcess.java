package kubetutor.engine.container.sh;

import kubetutor.engine.kubelet.ExecResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated container process. It never blocks: {@link #resume()} runs it until it must wait
 * for simulated time ({@link Step.Sleep}) or ends ({@link Step.Exited}); the engine schedules the
 * next resume on its clock. No thread, no host process.
 */
public final class ShProcess {
    private final Machine machine;
    private final boolean pid1;
    private Integer forcedExit;

    private ShProcess(Machine machine, boolean pid1) {
        this.machine = machine;
        this.pid1 = pid1;
    }

    /** The container's main process (PID 1), from its command and args. */
    public static ShProcess start(List<String> argv, ProcessHost host) {
        return create(argv, host, true);
    }

    /** A process started inside a running container (an exec probe, {@code kubectl exec}). */
    public static ShProcess exec(List<String> argv, ProcessHost host) {
        return create(argv, host, false);
    }

    /**
     * Whether the runtime can start {@code argv0} at all. When it cannot, the engine reports the
     * runtime's error (container StartError / failed exec) instead of starting a process.
     */
    public static boolean isExecutable(String argv0, VirtualFs fs) {
        return Commands.executable(argv0, fs);
    }

    private static ShProcess create(List<String> argv, ProcessHost host, boolean pid1) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        Shell sh = Shell.fromEnvironment(host);
        sh.pid = pid1 ? 1 : 7;
        Io io = new Io(Io.to(host::stdout), Io.to(host::stderr), "");
        Machine.Budget budget = new Machine.Budget();
        Machine m;
        if (Commands.isShell(argv.get(0))) {
            m = SimpleFrame.shell(sh, argv.get(0), argv.subList(1, argv.size()), io, budget);
        } else {
            m = new Machine(sh, budget);
            if (isExecutable(argv.get(0), host.fs())) {
                List<Ast.Word> words = new ArrayList<>();
                argv.forEach(a -> words.add(Ast.Word.literal(a)));
                m.push(Frames.of(new Ast.Simple(List.of(), words, List.of(), 1), io));
            } else {
                io.err().write("exec: \"" + argv.get(0) + "\": executable file not found in $PATH\n");
                m.exit(127);
            }
        }
        return new ShProcess(m, pid1);
    }

    /** Runs until the process sleeps or ends; after a Sleep, call again once that time has passed. */
    public Step resume() {
        if (forcedExit != null) {
            return new Step.Exited(forcedExit);
        }
        machine.budget.left = Machine.BUSY_STEPS;
        return machine.run();
    }

    public boolean hasExited() {
        return forcedExit != null || machine.exited;
    }

    /**
     * SIGTERM. Returns true when the process ended at once (status 143). A shell with a TERM trap
     * runs it once its current foreground command (say, a sleep) returns, as ash does. PID 1 without
     * a trap is left running, because the kernel drops signals PID 1 has no handler for: this is why
     * {@code sleep 3600} and shell loops take the whole grace period to stop.
     */
    public boolean terminate() {
        if (hasExited()) {
            return true;
        }
        String trap = machine.sh.traps.get("TERM");
        if (trap != null) {
            machine.pendingTerm = !trap.isEmpty();
            return false;
        }
        if (pid1) {
            return false;
        }
        forcedExit = 143;
        return true;
    }

    /** SIGKILL: always ends the process, with status 137. */
    public Step kill() {
        if (!hasExited()) {
            forcedExit = 137;
        }
        return resume();
    }

    /**
     * Runs a command to its end at once, for exec probes and {@code kubectl exec}: sleeps inside
     * count against {@code timeout} in simulated time (the engine clock is not moved; {@code date}
     * inside sees the time advance). Output is captured, not logged.
     */
    public static ExecResult runToCompletion(List<String> argv, ProcessHost host, Duration timeout) {
        Captured cap = new Captured(host);
        ShProcess p = exec(argv, cap);
        int busySlices = 0;
        while (true) {
            Step s = p.resume();
            if (s instanceof Step.Exited e) {
                return new ExecResult(e.code(), cap.out.toString(), cap.err.toString(), false);
            }
            if (cap.overflowed) {
                return new ExecResult(-1, cap.out.toString(), cap.err.toString(), true);
            }
            if (s instanceof Step.Sleep sleep) {
                // Run to completion, a busy slice is a second of CPU time against the timeout (and no
                // more: a probe's second must not grow), and the steps it may compute are bounded.
                cap.elapsed = cap.elapsed.plus(sleep.busy() ? Machine.BUSY_SLICE : sleep.duration());
                if (cap.elapsed.compareTo(timeout) > 0 || sleep.busy() && ++busySlices > MAX_BUSY_SLICES) {
                    return new ExecResult(-1, cap.out.toString(), cap.err.toString(), true);
                }
            } else {
                return new ExecResult(0, cap.out.toString(), cap.err.toString(), false);
            }
        }
    }

    /** How a streamed command lets simulated time pass: true once {@code until} is reached, false when cancelled. */
    @FunctionalInterface
    public interface Clock {
        boolean waitUntil(Instant until);
    }

    /** How a streamed command ended. */
    public enum StreamEnd { EXITED, NOT_FOUND, LIMIT, CANCELLED, GONE }

    /** A streamed command's end and, when it exited, its status. */
    public record Streamed(StreamEnd end, int exitCode) {}

    /**
     * Runs a command on the engine's clock, for {@code kubectl exec}: what it prints reaches the
     * host as it prints it, and each sleep lets the cluster move on through {@code clock} (so a
     * loop of wget and sleep sees a rollout progress). Bounded as {@link #runToCompletion} is, by
     * {@code timeout} of simulated time, the busy slices, and the output limit. {@code alive} says
     * whether the container still runs: its end ends the command.
     */
    public static Streamed runStreaming(List<String> argv, ProcessHost host, Duration timeout, Clock clock,
                                        java.util.function.BooleanSupplier alive) {
        Bounded bounded = new Bounded(host);
        ShProcess p = exec(argv, bounded);
        Duration elapsed = Duration.ZERO;
        int busySlices = 0;
        while (true) {
            Step s = p.resume();
            if (s instanceof Step.Exited e) {
                return new Streamed(StreamEnd.EXITED, e.code());
            }
            if (bounded.overflowed || !(s instanceof Step.Sleep sleep)) {
                return new Streamed(bounded.overflowed ? StreamEnd.LIMIT : StreamEnd.EXITED, 0);
            }
            elapsed = elapsed.plus(sleep.busy() ? Machine.BUSY_SLICE : sleep.duration());
            if (elapsed.compareTo(timeout) > 0 || sleep.busy() && ++busySlices > MAX_BUSY_SLICES) {
                return new Streamed(StreamEnd.LIMIT, 0);
            }
            // A busy slice counts against the limits as in runToCompletion but holds the clock: a
            // command that never sleeps would otherwise carry the cluster minutes ahead in a blink.
            if (!sleep.busy() && !clock.waitUntil(host.now().plus(sleep.duration()))) {
                return new Streamed(StreamEnd.CANCELLED, 130);
            }
            if (!alive.getAsBoolean()) {
                return new Streamed(StreamEnd.GONE, 137);
            }
        }
    }

    /**
     * The most busy slices a command run to completion may use: five million interpreter steps, about
     * a second of the tutor's time (a loop of a few hundred thousand iterations fits; one without end stops).
     */
    static final int MAX_BUSY_SLICES = 500;

    /** The most a command run to completion may print (kubectl exec, an exec probe). */
    public static final int OUTPUT_LIMIT = 4 * 1024 * 1024;

    /** The engine's host, passing output on until {@link #OUTPUT_LIMIT}: a streamed command stops there. */
    private static final class Bounded extends ForwardingHost {
        long written;
        boolean overflowed;

        Bounded(ProcessHost host) {
            super(host);
        }

        @Override
        public void stdout(String text) {
            if (keep(text)) {
                host.stdout(text);
            }
        }

        @Override
        public void stderr(String text) {
            if (keep(text)) {
                host.stderr(text);
            }
        }

        private boolean keep(String text) {
            if (overflowed || written + text.length() > OUTPUT_LIMIT) {
                overflowed = true;
                return false;
            }
            written += text.length();
            return true;
        }
    }

    /** The engine's host with output captured and the clock running ahead by the time slept so far. */
    private static final class Captured extends ForwardingHost {
        final StringBuilder out = new StringBuilder();
        final StringBuilder err = new StringBuilder();
        Duration elapsed = Duration.ZERO;
        boolean overflowed;

        Captured(ProcessHost host) {
            super(host);
        }

        @Override
        public Instant now() {
            return host.now().plus(elapsed);
        }

        /**
         * kubectl streams what the command prints; here it waits until the command ends, so past
         * {@link #OUTPUT_LIMIT} the command is stopped (as after its timeout) rather than held.
         */
        @Override
        public void stdout(String text) {
            keep(out, text);
        }

        @Override
        public void stderr(String text) {
            keep(err, text);
        }

        private void keep(StringBuilder to, String text) {
            if (overflowed || (long) out.length() + err.length() + text.length() > OUTPUT_LIMIT) {
                overflowed = true;
                return;
            }
            to.append(text);
        }
    }
}
