package kubetutor.engine.container;

import kubetutor.engine.container.sh.DnsQuery;
import kubetutor.engine.container.sh.DnsReply;
import kubetutor.engine.container.sh.Memory;
import kubetutor.engine.container.sh.ProcessHost;
import kubetutor.engine.container.sh.VirtualFs;
import kubetutor.engine.kubelet.HttpResult;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A process inside a container whose output goes to kubectl (exec, exec -it), not to the log. */
final class TerminalHost implements ProcessHost {
    private final SimContainer container;
    private final Consumer<String> out;
    private final Consumer<String> err;

    TerminalHost(SimContainer container, Consumer<String> out) {
        this(container, out, out);
    }

    /** Standard output and error kept apart, as a non-tty exec streams them. */
    TerminalHost(SimContainer container, Consumer<String> out, Consumer<String> err) {
        this.container = container;
        this.out = out;
        this.err = err;
    }

    @Override
    public VirtualFs fs() {
        return container.fs();
    }

    @Override
    public Map<String, String> env() {
        return container.env();
    }

    @Override
    public String hostname() {
        return container.hostname();
    }

    @Override
    public Instant now() {
        return container.now();
    }

    @Override
    public void stdout(String text) {
        out.accept(text);
    }

    @Override
    public void stderr(String text) {
        err.accept(text);
    }

    @Override
    public HttpResult http(String ip, int port, String path, String userAgent) {
        return container.http(ip, port, path, userAgent);
    }

    @Override
    public Optional<DnsReply> dns(String server, DnsQuery query) {
        return container.dns(server, query);
    }

    @Override
    public Memory memory() {
        return container.memory();
    }
}
