package kubetutor.engine.controller.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions of sync.go's scale(), for a deployment whose replicas changed mid-rollout or while
 * paused: with one active ReplicaSet it simply takes the new count; a saturated new ReplicaSet
 * retires the old ones; otherwise, in a rolling update, the pods added or removed are spread over
 * the active ReplicaSets in proportion to their sizes, so that scaling neither hastens nor undoes
 * the rollout.
 */
final class ProportionalScaling {
    /** Larger first; equal sizes newer first (ReplicaSetsBySizeNewer), for scaling up. */
    private static final Comparator<ReplicaSetState> LARGER_NEWER = Comparator.comparingInt(ReplicaSetState::replicas)
            .reversed().thenComparing(ReplicaSetState.OLDEST_FIRST.reversed());
    /** Larger first; equal sizes older first (ReplicaSetsBySizeOlder), for scaling down. */
    private static final Comparator<ReplicaSetState> LARGER_OLDER = Comparator.comparingInt(ReplicaSetState::replicas)
            .reversed().thenComparing(ReplicaSetState.OLDEST_FIRST);

    private ProportionalScaling() {}

    /**
     * @param newRs          the new ReplicaSet, or null when there is none yet (a paused deployment's new template)
     * @param statusReplicas the deployment's status.replicas, for a ReplicaSet without a max-replicas annotation
     */
    static List<Scale> decide(DeploymentSpec d, int statusReplicas, ReplicaSetState newRs, List<ReplicaSetState> oldRss) {
        ReplicaSetState only = activeOrLatest(newRs, oldRss);
        if (only != null) {
            return only.replicas() == d.replicas() ? List.of() : List.of(Scale.to(only, d.replicas()));
        }
        if (saturated(d, newRs)) {
            // Newest first: FindActiveOrLatest sorted the caller's list so, and the loop goes over it.
            return ReplicaSetState.active(oldRss).stream().sorted(ReplicaSetState.OLDEST_FIRST.reversed())
                    .map(rs -> Scale.to(rs, 0)).toList();
        }
        if (d.recreate()) {
            // A Recreate deployment waits for its rollout to end before it scales.
            return List.of();
        }
        List<ReplicaSetState> all = new ArrayList<>(oldRss);
        if (newRs != null) {
            all.add(newRs);
        }
        all = new ArrayList<>(ReplicaSetState.active(all));
        int allowed = d.replicas() > 0 ? d.maxReplicas() : 0;
        int toAdd = allowed - ReplicaSetState.sumReplicas(all);
        String operation = toAdd > 0 ? "up" : toAdd < 0 ? "down" : "";
        if (toAdd > 0) {
            all.sort(LARGER_NEWER);
        } else if (toAdd < 0) {
            all.sort(LARGER_OLDER);
        }
        Map<String, Integer> sizes = new LinkedHashMap<>();
        int added = 0;
        for (ReplicaSetState rs : all) {
            int proportion = toAdd == 0 ? 0 : proportion(rs, d, statusReplicas, toAdd, added);
            sizes.put(rs.name(), rs.replicas() + proportion);
            added += proportion;
        }
        List<Scale> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ReplicaSetState rs = all.get(i);
            int size = sizes.get(rs.name());
            if (i == 0 && toAdd != 0) {
                // The rounding's leftovers go to the largest ReplicaSet.
                size = Math.max(0, size + toAdd - added);
            }
            out.add(new Scale(rs.name(), rs.replicas(), size, operation, true));
        }
        return out;
    }

    /**
     * FindActiveOrLatest: the one ReplicaSet that wants pods; with none, the new one or else the
     * newest old one; null when several want pods.
     */
    static ReplicaSetState activeOrLatest(ReplicaSetState newRs, List<ReplicaSetState> oldRss) {
        List<ReplicaSetState> all = new ArrayList<>(oldRss);
        all.sort(ReplicaSetState.OLDEST_FIRST.reversed());
        if (newRs != null) {
            all.add(newRs);
        }
        List<ReplicaSetState> active = ReplicaSetState.active(all);
        if (active.size() == 1) {
            return active.get(0);
        }
        if (active.isEmpty()) {
            return newRs != null ? newRs : all.isEmpty() ? null : all.get(0);
        }
        return null;
    }

    /** IsSaturated: the new ReplicaSet wants, was told to want, and has available all the replicas. */
    static boolean saturated(DeploymentSpec d, ReplicaSetState rs) {
        if (rs == null) {
            return false;
        }
        Integer desired = rs.intAnnotation(ReplicaSetState.DESIRED_REPLICAS);
        return desired != null && rs.replicas() == d.replicas() && desired == d.replicas()
                && rs.availableReplicas() == d.replicas();
    }

    /**
     * GetProportion: this ReplicaSet's share of the pods to add (or remove), never more than what is
     * still to be handed out. Its share is its size scaled by how much the deployment's maximum
     * changed since the ReplicaSet was last sized (the max-replicas annotation).
     */
    private static int proportion(ReplicaSetState rs, DeploymentSpec d, int statusReplicas, int toAdd, int added) {
        if (rs.replicas() == 0 || toAdd == added) {
            return 0;
        }
        int fraction = fraction(rs, d, statusReplicas);
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }

    private static int fraction(ReplicaSetState rs, DeploymentSpec d, int statusReplicas) {
        if (d.replicas() == 0) {
            return -rs.replicas();
        }
        Integer annotated = rs.intAnnotation(ReplicaSetState.MAX_REPLICAS);
        int was = annotated != null ? annotated : statusReplicas;
        double size = (double) rs.replicas() * d.maxReplicas() / was;
        return roundHalfAway(size) - rs.replicas();
    }

    /** integer.RoundToInt32: halves away from zero. */
    private static int roundHalfAway(double a) {
        return (int) (a < 0 ? a - 0.5 : a + 0.5);
    }
}
