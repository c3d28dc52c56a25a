package kubetutor.engine.container.sh;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A command that finishes at once (everything but sleep and the shell-starting builtins). */
interface Command {
    /**
     * Thrown by a command that would compute forever (awk's while(1)): it has used the steps a busy
     * loop gets, and from then on spins as one, printing nothing more and never ending by itself.
     */
    final class Spinning extends RuntimeException {
        Spinning() {
            super(null, null, false, false);
        }
    }

    /**
     * Thrown by a command that fails only after waiting (a connection to an address that never
     * answers): the process sleeps that long in simulated time, then says {@code message} on
     * standard error and ends with {@code status}.
     */
    final class Waiting extends RuntimeException {
        final java.time.Duration duration;
        final String message;
        final int status;

        Waiting(ConnectTimeout timeout, boolean report) {
            super(null, null, false, false);
            this.duration = timeout.waited();
            this.message = report ? timeout.message() : "";
            this.status = timeout.status();
        }
    }

    /** Runs with argv[0] the command name; returns the exit status. */
    int run(Ctx c, List<String> argv);

    /** What a command sees: the shell, its redirected streams, NAME=value given for this command only. */
    record Ctx(Shell sh, Io io, Map<String, String> tempEnv, int line) {
        void out(String s) {
            io.out().write(s);
        }

        void err(String s) {
            io.err().write(s);
        }

        VirtualFs fs() {
            return sh.host.fs();
        }

        Instant now() {
            return sh.host.now();
        }

        String path(String p) {
            return sh.resolve(p);
        }

        /** A shell builtin's error: "sh: cd: line 1: ..." (no line when interactive). */
        void builtinError(String builtin, String msg) {
            err(sh.msgPrefix(builtin, line) + msg + "\n");
        }
    }
}
