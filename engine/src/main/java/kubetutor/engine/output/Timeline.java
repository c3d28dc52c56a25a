package kubetutor.engine.output;

import java.util.List;

/**
 * A rollout timeline: the pods of a workload, one row each, and what state each was in when, in
 * simulated seconds from {@code from}. A value for front ends to draw ({@link TimelineText} as
 * text, the kernel as SVG); it carries no colour, only meaning (revision and state).
 *
 * @param subject   what it is the timeline of, as kubectl names it ({@code deployment.apps/web})
 * @param startedAt the simulated time of second 0, as the clock command prints it
 * @param length    seconds from second 0 to now (the right edge)
 * @param dropped   older pods the recorder let go of (it keeps a bounded number per owner)
 */
public record Timeline(String subject, String startedAt, long length, List<Row> rows, List<Step> steps, int dropped) {
    public Timeline {
        rows = List.copyOf(rows);
        steps = List.copyOf(steps);
    }

    /** What a pod is doing: the closed set of states a row shows. */
    public enum State {
        /** Created, waiting for a node or for its containers to start. */
        PENDING,
        /** Running (or finished) but not Ready: a probe has not passed yet, or a container failed. */
        NOT_READY,
        READY,
        /** Deleted, in its grace period. */
        TERMINATING
    }

    /** A state from second {@code from} (inclusive) to second {@code to} (exclusive). */
    public record Span(long from, long to, State state) {}

    /** One pod: its name, node ("" until scheduled), the revision of its template (0 when unknown), its spans in order. */
    public record Row(String pod, String node, int revision, List<Span> spans) {
        public Row {
            spans = List.copyOf(spans);
        }

        /** The state at second {@code t}, or null when the pod did not exist then. */
        public State stateAt(long t) {
            for (Span s : spans) {
                if (s.from() <= t && t < s.to()) {
                    return s.state();
                }
            }
            return null;
        }
    }

    /** A scaling step of the controller (a ScalingReplicaSet event), at second {@code at}. */
    public record Step(long at, String message) {}

    /** The number of Ready pods after each change, as (second, count) pairs in time order, starting at second 0. */
    public List<long[]> readyCounts() {
        java.util.TreeMap<Long, Integer> delta = new java.util.TreeMap<>();
        delta.put(0L, 0);
        for (Row r : rows) {
            for (int i = 0; i < r.spans().size(); i++) {
                Span s = r.spans().get(i);
                if (s.state() == State.READY) {
                    delta.merge(s.from(), 1, Integer::sum);
                    // A row's last span reaching the right edge (now) is still going on; one followed by
                    // another (terminating) ended there, even when that is this very second.
                    boolean ongoing = i == r.spans().size() - 1 && s.to() >= length;
                    if (!ongoing) {
                        delta.merge(s.to(), -1, Integer::sum);
                    }
                }
            }
        }
        List<long[]> counts = new java.util.ArrayList<>();
        int ready = 0;
        for (var e : delta.entrySet()) {
            ready += e.getValue();
            if (counts.isEmpty() || counts.get(counts.size() - 1)[1] != ready) {
                counts.add(new long[] {e.getKey(), ready});
            }
        }
        return counts;
    }
}
