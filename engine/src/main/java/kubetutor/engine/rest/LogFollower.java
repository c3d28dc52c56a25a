package kubetutor.engine.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.ResourceTypes;
import kubetutor.engine.cluster.Cluster;
import kubetutor.engine.container.SimRuntime;
import kubetutor.engine.kubelet.ContainerRuntime.LogLine;

import java.util.List;

/**
 * GET pods/NAME/log?follow=true: the log so far, then each line as the container prints it, until
 * the container ends (as the kubelet stops following a closed log). The transport asks for what is
 * new as often as it likes; everything runs on the engine's thread.
 */
public final class LogFollower {
    /** What is new since the last poll, and whether the stream is over. */
    public record Chunk(String text, boolean ended) {}

    private final Cluster cluster;
    private final String containerId;
    private final boolean timestamps;
    private int sent;

    private LogFollower(Cluster cluster, String containerId, boolean timestamps) {
        this.cluster = cluster;
        this.containerId = containerId;
        this.timestamps = timestamps;
    }

    /** Opens the follow {@code r} asks for and returns the log so far; throws the API's error when there is no log to follow. */
    public static LogFollower open(Cluster cluster, RestRequest r) {
        ApiPath p = ApiPath.parse(r.path()).filter(x -> x.type() == ResourceTypes.POD && x.name() != null)
                .orElseThrow(() -> new ApiException(ApiException.Reason.NotFound, "the server could not find the requested resource"));
        ObjectNode pod = cluster.store().get(ResourceTypes.POD, p.namespace(), p.name());
        if (pod == null) {
            throw new ApiException(ApiException.Reason.NotFound, "pods \"" + p.name() + "\" not found");
        }
        LogFollower f = new LogFollower(cluster, PodLogs.containerId(cluster, pod, r), r.flag("timestamps"));
        int tail = r.param("tailLines") == null ? -1 : Integer.parseInt(r.param("tailLines"));
        f.sent = tail < 0 ? 0 : Math.max(0, f.lines().size() - tail);
        return f;
    }

    private List<LogLine> lines() {
        return cluster.runtime().logs(containerId).orElse(List.of());
    }

    public Chunk poll() {
        List<LogLine> lines = lines();
        if (lines.size() < sent) {
            sent = 0; // the log was rotated: the new file from its start
        }
        String text = PodLogs.format(lines, sent, timestamps);
        sent = lines.size();
        boolean running = cluster.runtime() instanceof SimRuntime sim && sim.running(containerId);
        return new Chunk(text, !running);
    }
}
