package kubetutor.engine.container.sh;

import kubetutor.engine.kubelet.HttpResult;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A host that passes everything on to another: the base of hosts that change one thing about a
 * container's (where output goes, how much of it, the clock a command sees) and keep the rest.
 */
public abstract class ForwardingHost implements ProcessHost {
    protected final ProcessHost host;

    protected ForwardingHost(ProcessHost host) {
        this.host = host;
    }

    @Override
    public VirtualFs fs() {
        return host.fs();
    }

    @Override
    public Map<String, String> env() {
        return host.env();
    }

    @Override
    public String hostname() {
        return host.hostname();
    }

    @Override
    public Instant now() {
        return host.now();
    }

    @Override
    public void stdout(String text) {
        host.stdout(text);
    }

    @Override
    public void stderr(String text) {
        host.stderr(text);
    }

    @Override
    public HttpResult http(String ip, int port, String path, String userAgent) {
        return host.http(ip, port, path, userAgent);
    }

    @Override
    public Optional<DnsReply> dns(String server, DnsQuery query) {
        return host.dns(server, query);
    }

    @Override
    public Memory memory() {
        return host.memory();
    }

    @Override
    public boolean gnuTools() {
        return host.gnuTools();
    }
}
