package kubetutor.engine.kubelet;

import java.time.Instant;

/** A container's state as the kubelet reports it in status.containerStatuses[].state. */
public sealed interface ContainerState {
    record Waiting(String reason, String message) implements ContainerState {}

    record Running(Instant startedAt) implements ContainerState {}

    record Terminated(int exitCode, String reason, String message, Instant startedAt, Instant finishedAt,
                      String containerId) implements ContainerState {}
}
