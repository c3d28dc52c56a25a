package kubetutor.engine.container.sh;

import kubetutor.engine.kubelet.HttpResult;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

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

    /**
     * One HTTP GET from this container to {@code ip:port} on the simulated network (127.0.0.1 is the
     * pod itself), sent with the client's User-Agent header (a server's access log shows it).
     */
    HttpResult http(String ip, int port, String path, String userAgent);

    /** A DNS query sent to {@code server} (port 53); empty when nothing answers there (the query times out). */
    Optional<DnsReply> dns(String server, DnsQuery query);

    /** What the container's processes may hold, and hold so far. */
    Memory memory();

    /**
     * Whether the text tools are GNU's (grep, sed, coreutils, and mawk for awk), as on the learner's
     * own machine, rather than the busybox applets of a container: the same work, other messages.
     */
    default boolean gnuTools() {
        return false;
    }
}
