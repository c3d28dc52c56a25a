package kubetutor.engine.container;

import kubetutor.engine.container.sh.Memory;
import kubetutor.engine.container.sh.ProcessHost;
import kubetutor.engine.container.sh.VirtualFs;
import kubetutor.engine.kubelet.HttpResult;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/** A process inside a container whose output goes to a terminal (kubectl exec -it), not to the log. */
final class TerminalHost implements ProcessHost {
    private final SimContainer container;
    private final Consumer<String> out;

    TerminalHost(SimContainer container, Consumer<String> out) {
        this.container = container;
        this.out = out;
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
        out.accept(text);
    }

    @Override
    public HttpResult http(String url) {
        return container.http(url);
    }

    @Override
    public Memory memory() {
        return container.memory();
    }
}
