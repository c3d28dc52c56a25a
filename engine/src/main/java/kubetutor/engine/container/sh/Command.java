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
