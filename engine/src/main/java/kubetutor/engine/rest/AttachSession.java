package kubetutor.engine.rest;

import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.container.SimRuntime;
import kubetutor.engine.kubelet.ContainerRuntime.LogLine;

import java.util.List;

/**
 * pods/attach over a stream: what the container's main process prints from now on, on stdout and
 * stderr as it printed them (one stream with a tty), until the container ends. The simulated main
 * processes read no input, so what is typed is let go. The transport polls; everything runs on the
 * engine's thread.
 */
public final class AttachSession {
    private final Cluster cluster;
    private final String containerId;
    private final boolean tty;
    private final ExecSession.Sink sink;
    private int seen;
    private boolean done;

    private AttachSession(Cluster cluster, String containerId, boolean tty, ExecSession.Sink sink) {
        this.cluster = cluster;
        this.containerId = containerId;
        this.tty = tty;
        this.sink = sink;
        this.seen = lines().size();
    }

    /** Attaches as {@code r} asks; throws the API's (or the kubelet's) error when no container runs. */
    public static AttachSession start(Cluster cluster, RestRequest r, ExecSession.Sink sink) {
        StreamTarget target = StreamTarget.resolve(cluster, r);
        return new AttachSession(cluster, target.containerId(), r.flag("tty"), sink);
    }

    private List<LogLine> lines() {
        return cluster.runtime().logs(containerId).orElse(List.of());
    }

    /** Sends what the container printed since the last poll; ends the stream once it has stopped. */
    public void poll() {
        if (done) {
            return;
        }
        List<LogLine> lines = lines();
        if (lines.size() < seen) {
            seen = 0;
        }
        for (LogLine l : lines.subList(seen, lines.size())) {
            String text = l.text() + (tty ? "\r\n" : "\n");
            if (l.stderr() && !tty) {
                sink.stderr(text);
            } else {
                sink.stdout(text);
            }
        }
        seen = lines.size();
        if (!(cluster.runtime() instanceof SimRuntime sim && sim.running(containerId))) {
            done = true;
            sink.exited(0);
        }
    }

    public void cancel() {
        done = true;
    }
}
