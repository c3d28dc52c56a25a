package kubetutor.engine.session;

import kubetutor.engine.kubelet.ExecResult;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code kubectl get pods | grep web}: a command's standard output goes through text filters
 * (grep, awk, sort, wc, ...), run by the same sh interpreter as containers, on a {@link Scratch}
 * file system: nothing runs on the host. Standard error still reaches the user directly.
 */
final class Pipe extends CapturedStdout implements PipeStage {
    static final String INPUT = "/tmp/.kubetutor-pipe";
    private final String pipeline;
    private final Sink next;
    private final Instant now;
    private final Map<String, String> variables;
    private final Function<String, Path> resolve;
    private final String cwd;

    /**
     * @param resolve where a name is in the workspace, for the files the filters write (tee)
     * @param cwd     the session's directory, as the workspace names it: the filters run there
     */
    Pipe(String pipeline, Sink next, Instant now, Map<String, String> variables, Function<String, Path> resolve, String cwd) {
        super(next);
        this.pipeline = pipeline;
        this.next = next;
        this.now = now;
        this.variables = variables;
        this.resolve = resolve;
        this.cwd = cwd;
    }

    /** Runs the filters over what the command printed; their status is the pipeline's, as in sh. */
    @Override
    public int close() {
        Scratch host = new Scratch(now, variables);
        host.fs().write(INPUT, text(), now);
        host.fs().mkdirs(cwd, now);
        int status = emit(host.sh("cd " + Scratch.quote(cwd) + " && cat " + INPUT + " | " + pipeline), next);
        for (String written : WrittenFiles.of(pipeline)) {
            WrittenFiles.copyBack(resolve, host.fs(), cwd, written);
        }
        return status;
    }

    /** What the filters printed, to the user; their status. */
    static int emit(ExecResult r, Sink next) {
        if (!r.stdout().isEmpty()) {
            next.emit(new Output.Text(r.stdout(), Output.TextKind.MESSAGE));
        }
        if (!r.stderr().isEmpty()) {
            next.emit(new Output.Error(r.stderr(), true));
        }
        if (r.timedOut()) {
            // A terminal would wait on it until Ctrl-C; the tutor stops it for the learner, with Ctrl-C's status.
            next.emit(Output.Error.of(STOPPED));
            return 130;
        }
        return r.exitCode();
    }

    static final String STOPPED = "kubetutor stopped the command: it was still running after " + Scratch.TIMEOUT.toSeconds()
            + " seconds of simulated time (a terminal would wait for Ctrl-C)";
}
