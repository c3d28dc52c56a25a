package kubetutor.engine.session;

import kubetutor.engine.container.sh.DnsQuery;
import kubetutor.engine.container.sh.DnsReply;
import kubetutor.engine.container.sh.Memory;
import kubetutor.engine.container.sh.ProcessHost;
import kubetutor.engine.container.sh.ShProcess;
import kubetutor.engine.container.sh.VirtualFs;
import kubetutor.engine.kubelet.ExecResult;
import kubetutor.engine.kubelet.HttpResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the session's text tools run (grep, awk, sed, sort, ... after a pipe or on workspace files):
 * the same busybox applets as in containers, in the simulated sh, on a scratch file system of their
 * own holding only what they were given; no network, nothing run on the host.
 */
record Scratch(VirtualFs fs, Instant now, Memory memory, Map<String, String> env) implements ProcessHost {
    /**
     * What the tools may hold: their input and what they make of it. As a real shell's would be, it
     * is bounded; past it the tool is killed, as the OOM killer would.
     */
    private static final long MEMORY = 32L * 1024 * 1024;
    /** How long the tools may run: text filters end in an instant, unless they never end. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    Scratch(Instant now, Map<String, String> variables) {
        this(VirtualFs.standard("kubetutor", now), now, Memory.alone(MEMORY), environment(variables));
    }

    private static Map<String, String> environment(Map<String, String> variables) {
        Map<String, String> env = new TreeMap<>(variables);
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        return env;
    }

    /** Runs {@code script} with sh -c. */
    ExecResult sh(String script) {
        return ShProcess.runToCompletion(List.of("sh", "-c", script), this, TIMEOUT);
    }

    /** A word for sh -c, quoted so that nothing in it is expanded again. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The learner's own machine: GNU grep, sed and coreutils, and mawk. */
    @Override
    public boolean gnuTools() {
        return true;
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
