package kubetutor.engine.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A deployment's ReplicaSets split as the controller sees them: the new one (whose template is the
 * deployment's, or null when there is none yet) and the old ones.
 */
record ReplicaSetGroups(ReplicaSetState newRs, List<ReplicaSetState> old) {

    /** FindNewReplicaSet and FindOldReplicaSets: the oldest with an equal template is the new one. */
    static ReplicaSetGroups of(JsonNode template, List<ReplicaSetState> owned) {
        List<ReplicaSetState> sorted = new ArrayList<>(owned);
        sorted.sort(ReplicaSetState.OLDEST_FIRST);
        ReplicaSetState newRs = null;
        for (ReplicaSetState rs : sorted) {
            if (PodTemplateHash.equalIgnoreHash(rs.object().path("spec").path("template"), template)) {
                newRs = rs;
                break;
            }
        }
        List<ReplicaSetState> old = new ArrayList<>();
        for (ReplicaSetState rs : sorted) {
            if (newRs == null || !rs.uid().equals(newRs.uid())) {
                old.add(rs);
            }
        }
        return new ReplicaSetGroups(newRs, List.copyOf(old));
    }

    /** The old ones and then the new one, when there is one. */
    List<ReplicaSetState> all() {
        List<ReplicaSetState> all = new ArrayList<>(old);
        if (newRs != null) {
            all.add(newRs);
        }
        return all;
    }

    ReplicaSetGroups withNew(ReplicaSetState rs) {
        return new ReplicaSetGroups(rs, old);
    }
}
