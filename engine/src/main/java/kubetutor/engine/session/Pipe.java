package kubetutor.engine.session;

import kubetutor.engine.container.sh.DnsQuery;
import kubetutor.engine.container.sh.DnsReply;
import kubetutor.engine.container.sh.Memory;
import kubetutor.engine.container.sh.ProcessHost;
import kubetutor.engine.container.sh.ShProcess;
import kubetutor.engine.container.sh.VirtualFs;
import kubetutor.engine.kubelet.ExecResult;
import kubetutor.engine.kubelet.HttpResult;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Sink;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubectl get pods | grep web}: a command's standard output goes through text filters
 * (grep, head, tail, wc, ...), run by the same sh interpreter as containers, on a scratch file
 * system of their own: nothing runs on the host. Standard error still reaches the user directly.
 */
final class Pipe extends CapturedStdout {
    private static final String INPUT = "/tmp/.kubetutor-pipe";
    private final String pipeline;
    private final Sink next;
    private final Instant now;

    Pipe(String pipeline, Sink next, Instant now) {
        super(next);
        this.pipeline = pipeline;
        this.next = next;
        this.now = now;
    }

    /** Runs the filters over what the command printed; their status is the pipeline's, as in sh. */
    int close() {
        Scratch host = new Scratch(now);
        host.fs().write(INPUT, text(), now);
        ExecResult r = ShProcess.runToCompletion(List.of("sh", "-c", "cat " + INPUT + " | " + pipeline), host, Duration.ofSeconds(10));
        if (!r.stdout().isEmpty()) {
            next.emit(new Output.Text(r.stdout(), Output.TextKind.MESSAGE));
        }
        if (!r.stderr().isEmpty()) {
            next.emit(new Output.Error(r.stderr(), true));
        }
        return r.exitCode();
    }

    /**
     * What the filters may hold: kubectl's output and what they make of it. As a real shell's
     * would be, it is bounded; past it the filter is killed, as the OOM killer would.
     */
    private static final long MEMORY = 32L * 1024 * 1024;

    /** The filters' world: an empty busybox-like tree, no network. */
    private record Scratch(VirtualFs fs, Instant now, Memory memory) implements ProcessHost {
        Scratch(Instant now) {
            this(VirtualFs.standard("kubetutor", now), now, Memory.alone(MEMORY));
        }

        @Override
        public Map<String, String> env() {
            return Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME", "/root");
        }

        @Override
        public String hostname() {
            return "kubetutor";
        }

        @Override
        public void stdout(String text) {}

        @Override
        public void stderr(String text) {}

        @Override
        public HttpResult http(String ip, int port, String path, String userAgent) {
            return HttpResult.timedOut(ip);
        }

        @Override
        public Optional<DnsReply> dns(String server, DnsQuery query) {
            return Optional.empty();
        }
    }
}
