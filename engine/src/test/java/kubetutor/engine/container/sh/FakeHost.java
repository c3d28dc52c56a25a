package kubetutor.engine.container.sh;

import kubetutor.engine.kubelet.HttpResult;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A host for tests: a busybox file tree, a clock the test moves, captured logs, a scripted network. */
final class FakeHost implements ProcessHost {
    final VirtualFs fs;
    final Map<String, String> env = new LinkedHashMap<>();
    final Map<String, HttpResult> web = new HashMap<>();
    final StringBuilder out = new StringBuilder();
    final StringBuilder err = new StringBuilder();
    Instant now = Instant.parse("2026-01-05T09:00:00Z");
    final Memory memory = Memory.alone(1024 * 1024);

    FakeHost() {
        fs = VirtualFs.standard("liveness-exec", now);
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
    public HttpResult http(String url) {
        return web.getOrDefault(url, HttpResult.unresolved());
    }

    @Override
    public Memory memory() {
        return memory;
    }
}
