package kubetutor.engine.container.sh;

import kubetutor.engine.kubelet.HttpResult;

import java.time.Instant;
import java.util.Map;

/** What the engine gives a container process: its files, environment, clock, logs and network. */
public interface ProcessHost {
    VirtualFs fs();

    /** The container's environment (image defaults, Kubernetes service variables, the manifest's env). */
    Map<String, String> env();

    String hostname();

    Instant now();

    /** Output text, possibly several lines; the engine timestamps and stores log lines. */
    void stdout(String text);

    void stderr(String text);

    /** One HTTP GET on the simulated network. */
    HttpResult http(String url);

    /** What the container's processes may hold, and hold so far. */
    Memory memory();
}
