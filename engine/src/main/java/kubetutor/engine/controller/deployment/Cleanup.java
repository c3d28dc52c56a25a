package kubetutor.engine.controller.deployment;

import kubetutor.engine.api.ApiException;
import kubetutor.engine.api.Meta;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * sync.go cleanupDeployment: past revisionHistoryLimit old ReplicaSets, the lowest revisions go,
 * as long as they are scaled to nothing, have no pods left and their controller saw their last
 * change. Each one kept is a revision {@code kubectl rollout undo} can go back to.
 */
final class Cleanup {
    /** ReplicaSetsByRevision: lowest revision first; equal ones oldest first. */
    private static final Comparator<ReplicaSetState> BY_REVISION = Comparator.comparingLong(ReplicaSetState::revision)
            .thenComparing(ReplicaSetState.OLDEST_FIRST);

    private Cleanup() {}

    static void run(Rollout r, List<ReplicaSetState> old) {
        Integer limit = r.spec().revisionHistoryLimit();
        if (limit == null) {
            return;
        }
        List<ReplicaSetState> cleanable = new ArrayList<>(old.stream().filter(rs -> !Meta.isTerminating(rs.object())).toList());
        int diff = cleanable.size() - limit;
        if (diff <= 0) {
            return;
        }
        cleanable.sort(BY_REVISION);
        for (ReplicaSetState rs : cleanable.subList(0, diff)) {
            long generation = rs.object().path("metadata").path("generation").asLong(0);
            long observed = rs.object().path("status").path("observedGeneration").asLong(0);
            if (rs.statusReplicas() != 0 || rs.replicas() != 0 || generation > observed) {
                continue;
            }
            try {
                r.delete(rs);
            } catch (ApiException e) {
                if (e.reason() != ApiException.Reason.NotFound) {
                    throw e;
                }
            }
        }
    }
}
