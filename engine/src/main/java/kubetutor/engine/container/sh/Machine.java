package kubetutor.engine.container.sh;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Runs a parsed script with an explicit stack of frames instead of Java recursion, so that a
 * {@code sleep} deep inside loops and && chains can hand control back to the engine and later
 * continue exactly where it stopped. A frame does one small step at a time: push a child frame,
 * finish with a status, or ask for simulated time to pass.
 */
final class Machine {
    /**
     * A busy loop ({@code while true; do :; done}) never sleeps, so after this many steps in one
     * resume the process yields as if it had spent {@link #BUSY_SLICE} of CPU time; the engine then
     * resumes it like any sleeper and the simulation keeps moving.
     */
    static final int BUSY_STEPS = 10_000;

    static final Duration BUSY_SLICE = Duration.ofSeconds(1);

    /**
     * A process that stays busy yields for twice as long each time, up to this: interpreting its
     * steps is the tutor's real work, and an hour of a spinning loop should cost the tutor a few
     * thousand steps, not millions (what it does meanwhile is invisible but for its output).
     */
    static final Duration MAX_BUSY_SLICE = Duration.ofMinutes(5);

    /** Steps left in the current resume, shared by a shell and the sub-shells it waits for. */
    static final class Budget {
        int left = BUSY_STEPS;
        /** The last busy yield's length, or null when the process last waited of its own accord. */
        Duration busySlice;

        Duration nextBusySlice() {
            busySlice = busySlice == null ? BUSY_SLICE : min(busySlice.multipliedBy(2), MAX_BUSY_SLICE);
            return busySlice;
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) < 0 ? a : b;
        }
    }

    final Shell sh;
    final Budget budget;
    final Deque<Frame> stack = new ArrayDeque<>();
    /** An interactive shell waits for its next line instead of exiting when the stack empties. */
    boolean interactive;
    boolean exited;
    int exitCode;
    boolean pendingTerm;

    Machine(Shell sh, Budget budget) {
        this.sh = sh;
        this.budget = budget;
    }

    void push(Frame f) {
        stack.push(f);
    }

    /** Ends the frame on top of the stack; its status becomes $?. */
    void finish(int status) {
        stack.pop();
        sh.status = status;
    }

    void exit(int code) {
        exited = true;
        exitCode = code;
        stack.clear();
        sh.vars.release();
    }

    /** break / continue N: unwinds to the Nth enclosing loop; outside any loop they do nothing. */
    void leaveLoop(int levels, boolean continueIt) {
        int found = 0;
        for (Iterator<Frame> it = stack.iterator(); it.hasNext(); ) {
            if (it.next() instanceof Frames.LoopLike) {
                found++;
            }
        }
        if (found == 0) {
            stack.pop();
            sh.status = 0;
            return;
        }
        int n = Math.min(levels, found);
        while (true) {
            Frame f = stack.peek();
            if (f instanceof Frames.LoopLike loop && --n == 0) {
                if (continueIt) {
                    loop.continueLoop();
                } else {
                    stack.pop();
                }
                sh.status = 0;
                return;
            }
            stack.pop();
        }
    }

    Step run() {
        while (true) {
            if (exited) {
                return new Step.Exited(exitCode);
            }
            if (stack.isEmpty()) {
                if (interactive) {
                    return new Step.WaitingForInput();
                }
                exit(sh.status);
                continue;
            }
            if (pendingTerm && stack.peek().interruptible()) {
                pendingTerm = false;
                String action = sh.traps.get("TERM");
                if (action != null && !action.isEmpty()) {
                    push(new Frames.TrapFrame(Parser.parse(action), stack.peek().io()));
                }
                continue;
            }
            if (budget.left-- <= 0) {
                return new Step.Sleep(budget.nextBusySlice(), true);
            }
            Step s;
            try {
                if (sh.host.memory().killed()) {
                    throw new Memory.OomKilled(); // another process of the container met the OOM killer
                }
                s = stack.peek().step(this);
            } catch (Memory.OomKilled e) {
                exit(137); // SIGKILL: no trap runs, nothing is printed
                continue;
            }
            if (s != null) {
                budget.busySlice = null; // it waits for time or input: not busy any more
                return s;
            }
        }
    }

    /** One piece of running work. */
    abstract static class Frame {
        final Io io;

        Frame(Io io) {
            this.io = io;
        }

        Io io() {
            return io;
        }

        /** Does one step; returns a Step only to hand control back to the engine. */
        abstract Step step(Machine m);

        /** Whether a trap may run now: not while waiting for a foreground sleep or child shell. */
        boolean interruptible() {
            return true;
        }
    }
}
