package kubetutor.engine.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.output.Timeline;
import kubetutor.engine.podlife.PodLifeRecorder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Builds a {@link Timeline} value from what the recorder kept: pure, given the recorder's lives and the time. */
final class Timelines {
    private Timelines() {}

    /** A pod's life with the owner's revision, before it is put on the axis. */
    private record Entry(PodLifeRecorder.Life life, int revision) {}

    static Timeline of(String subject, JsonNode obj, boolean deployment, PodLifeRecorder recorder, Instant now, Duration since) {
        Map<String, Integer> owners = TimelineCommand.owners(obj, deployment, recorder);
        List<Entry> entries = new ArrayList<>();
        int dropped = 0;
        for (var owner : owners.entrySet()) {
            for (PodLifeRecorder.Life life : recorder.pods(owner.getKey())) {
                entries.add(new Entry(life, owner.getValue()));
            }
            dropped += recorder.droppedPods(owner.getKey());
        }
        List<PodLifeRecorder.Step> steps = deployment ? recorder.steps(Meta.uid(obj)) : List.of();
        Instant start = now;
        for (Entry e : entries) {
            start = min(start, e.life().changes().get(0).at());
        }
        for (PodLifeRecorder.Step s : steps) {
            start = min(start, s.at());
        }
        if (since != null) {
            start = now.minus(since);
        }
        long length = seconds(start, now);
        List<Timeline.Row> rows = new ArrayList<>();
        for (Entry e : entries) {
            Timeline.Row row = row(e, start, now, length);
            if (!row.spans().isEmpty()) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparingLong((Timeline.Row r) -> r.spans().get(0).from()).thenComparing(Timeline.Row::pod));
        List<Timeline.Step> marks = new ArrayList<>();
        for (PodLifeRecorder.Step s : steps) {
            if (!s.at().isBefore(start)) {
                marks.add(new Timeline.Step(seconds(start, s.at()), s.message()));
            }
        }
        return new Timeline(subject, Meta.timestamp(start), length, rows, marks, dropped);
    }

    /** The life's spans in seconds from {@code start}, cut at the start and at now; node is the last one known. */
    private static Timeline.Row row(Entry e, Instant start, Instant now, long length) {
        List<PodLifeRecorder.Change> changes = e.life().changes();
        Instant end = e.life().gone() == null ? now : e.life().gone();
        List<Timeline.Span> spans = new ArrayList<>();
        String node = "";
        for (int i = 0; i < changes.size(); i++) {
            PodLifeRecorder.Change c = changes.get(i);
            node = c.node().isEmpty() ? node : c.node();
            Instant until = i + 1 < changes.size() ? changes.get(i + 1).at() : end;
            if (until.isBefore(start) || (until.equals(start) && !c.at().equals(start))) {
                continue;
            }
            long from = seconds(start, max(start, c.at()));
            long to = Math.min(length, seconds(start, until));
            spans.add(new Timeline.Span(from, to, c.state()));
        }
        // Changes within one second leave empty spans: only the last state of that second is kept.
        List<Timeline.Span> kept = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            Timeline.Span s = spans.get(i);
            boolean empty = s.from() == s.to();
            boolean last = i == spans.size() - 1;
            if (!empty || last && e.life().gone() == null) {
                kept.add(s);
            }
        }
        return new Timeline.Row(e.life().name(), node, e.revision(), kept);
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).getSeconds();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
