package kubetutor.engine.container.sh;

import kubetutor.engine.kubelet.HttpResult;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/** A host for tests: a busybox file tree, a clock the test moves, captured logs, a scripted network. */
final class FakeHost implements ProcessHost {
    final VirtualFs fs;
    final Map<String, String> env = new LinkedHashMap<>();
    /** Answers by "ip:port/path". */
    final Map<String, HttpResult> web = new HashMap<>();
    /** The cluster DNS server's A records, by full name. */
    final Map<String, String> names = new HashMap<>();
    final StringBuilder out = new StringBuilder();
    final StringBuilder err = new StringBuilder();
    Instant now = Instant.parse("2026-01-05T09:00:00Z");
    final Memory memory = Memory.alone(1024 * 1024);

    FakeHost() {
        fs = VirtualFs.standard("liveness-exec", now);
        fs.write("/etc/resolv.conf", "search default.svc.cluster.local svc.cluster.local cluster.local\n"
                + "nameserver 10.96.0.10\noptions ndots:5\n", now);
        fs.holdIn(memory);
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOSTNAME", "liveness-exec");
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public VirtualFs fs() {
        return fs;
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public String hostname() {
        return "liveness-exec";
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void stdout(String text) {
        out.append(text);
    }

    @Override
    public void stderr(String text) {
        err.append(text);
    }

    @Override
    public HttpResult http(String ip, int port, String path, String userAgent) {
        return web.getOrDefault(ip + ":" + port + path, HttpResult.refused(ip));
    }

    @Override
    public Optional<DnsReply> dns(String server, DnsQuery query) {
        if (!server.equals("10.96.0.10")) {
            return Optional.empty();
        }
        String ip = names.get(query.name());
        return Optional.of(ip == null ? DnsReply.nxdomain()
                : DnsReply.answer(query.type() == DnsQuery.Type.A ? List.of(ip) : List.of()));
    }

    @Override
    public Memory memory() {
        return memory;
    }
}
