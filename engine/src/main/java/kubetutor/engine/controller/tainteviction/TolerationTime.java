package kubetutor.engine.controller.tainteviction;

import kubetutor.engine.api.scheduling.Taint;
import kubetutor.engine.api.scheduling.Toleration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a pod may stay on a node with NoExecute taints (GetMatchingTolerations and
 * getMinTolerationTime): when every taint is tolerated, the shortest tolerationSeconds among the
 * tolerations that matched (zero or less: no time at all), or for ever when none of them has one,
 * as with a DaemonSet's pods.
 *
 * @param allTolerated false: the pod is deleted at once
 * @param time         null for "for ever"
 */
record TolerationTime(boolean allTolerated, Duration time) {

    static TolerationTime of(List<Taint> taints, List<Toleration> tolerations) {
        List<Toleration> used = new ArrayList<>();
        for (Taint taint : taints) {
            Toleration match = tolerations.stream().filter(t -> t.tolerates(taint)).findFirst().orElse(null);
            if (match == null) {
                return new TolerationTime(false, Duration.ZERO);
            }
            used.add(match);
        }
        if (used.isEmpty()) {
            return new TolerationTime(true, Duration.ZERO);
        }
        Long min = null;
        for (Toleration t : used) {
            if (t.seconds() != null) {
                if (t.seconds() <= 0) {
                    return new TolerationTime(true, Duration.ZERO);
                }
                min = min == null ? t.seconds() : Math.min(min, t.seconds());
            }
        }
        return new TolerationTime(true, min == null ? null : Duration.ofSeconds(min));
    }
}
