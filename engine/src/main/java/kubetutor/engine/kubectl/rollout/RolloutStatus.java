package kubetutor.engine.kubectl.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import kubetutor.engine.api.Meta;
import kubetutor.engine.api.WatchEvent;
import kubetutor.engine.kubectl.Aggregate;
import kubetutor.engine.kubectl.Durations;
import kubetutor.engine.kubectl.Invocation;
import kubetutor.engine.kubectl.Targets;
import kubetutor.engine.output.Output;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * kubectl rollout status (rollout_status.go): each object is looked at as the watch's first event
 * gives it and again on every change, a status line printed each time (so a line may repeat), until
 * the rollout is done, fails, --timeout passes, or (--watch=false) after the first look.
 *
 * <p>Time passes as the front end lets it ({@link Invocation#runUntil}). In the shell's realtime
 * mode, or with a --timeout, the watch runs as long as kubectl's would; in batch mode without one it
 * also ends quietly once the object has not changed for longer than its progress deadline could take
 * to report (a minute for a paused deployment, which never reports one), so that a script cannot
 * hang on it.
 */
final class RolloutStatus {
    private static final Duration QUIET = Duration.ofMinutes(1);

    /** How following one object ended. */
    private enum End { DONE, FAILED, CANCELLED }

    private RolloutStatus() {}

    static int run(Invocation inv, List<String> words) {
        RolloutArgs.requireResource(inv, words);
        long revision = RolloutArgs.revision(inv, "revision");
        if (revision < 0) {
            return RolloutArgs.fail(inv, "revision must be a positive integer: " + revision);
        }
        boolean watch = !inv.args().has("watch") || inv.args().bool("watch");
        Duration timeout = Durations.parse(inv.args().get("timeout", "0s"));
        Targets.Found found = Targets.resolve(inv, words, true);
        Aggregate errors = new Aggregate();
        errors.addAll(found.errors());
        if (found.targets().isEmpty() && found.errors().isEmpty()) {
            inv.sink().emit(Output.Error.info("No resources found in " + inv.namespace() + " namespace."));
            return 0;
        }
        for (Targets.Target t : found.targets()) {
            var viewer = StatusViewer.of(t.type());
            if (viewer.isEmpty()) {
                errors.add("no status viewer has been implemented for " + RolloutArgs.groupKind(t.type()));
                continue;
            }
            End end = follow(inv, t, viewer.get(), revision, watch, timeout, errors);
            if (end == End.CANCELLED) {
                return 1;
            }
        }
        return errors.print(inv);
    }

    private static End follow(Invocation inv, Targets.Target t, BiFunction<JsonNode, Long, StatusViewer.Verdict> viewer,
                              long revision, boolean watch, Duration timeout, Aggregate errors) {
        List<WatchEvent> pending = new ArrayList<>();
        Runnable stop = inv.cluster().store().watch(e -> {
            if (e.resource() == t.type() && Meta.namespace(e.object()).equals(t.namespace())
                    && Meta.name(e.object()).equals(t.name())) {
                pending.add(e);
            }
        });
        try {
            Instant limit = timeout.isZero() ? Instant.MAX : inv.now().plus(timeout);
            JsonNode seen = t.object();
            Instant lastChange = inv.now();
            StatusViewer.Verdict verdict = viewer.apply(seen, revision);
            while (true) {
                if (verdict instanceof StatusViewer.Verdict.Failed f) {
                    errors.add(f.message());
                    return End.FAILED;
                }
                StatusViewer.Verdict.Line line = (StatusViewer.Verdict.Line) verdict;
                inv.out(line.text());
                if (line.done() || !watch) {
                    return End.DONE;
                }
                // with a --timeout the watch can end on its own, as kubectl's does; without one, batch mode needs the window
                boolean endless = limit.equals(Instant.MAX) && !inv.pacer().followsWallClock();
                Instant until = endless ? lastChange.plus(quietWindow(seen)) : limit;
                if (pending.isEmpty() && !inv.runUntil(() -> !pending.isEmpty(), until)) {
                    return End.CANCELLED;
                }
                if (pending.isEmpty()) {
                    if (!inv.now().isBefore(limit)) {
                        errors.add("timed out waiting for the condition");
                        return End.FAILED;
                    }
                    return End.DONE;
                }
                WatchEvent next = pending.remove(0);
                if (next.type() == WatchEvent.Type.DELETED) {
                    // kubectl stops rather than watch a new object of the same name
                    errors.add("object has been deleted");
                    return End.FAILED;
                }
                seen = next.object();
                lastChange = inv.now();
                verdict = viewer.apply(seen, revision);
            }
        } finally {
            stop.run();
        }
    }

    /** How long a batch-mode watch waits for a change: past the progress deadline, unless nothing can report one. */
    private static Duration quietWindow(JsonNode obj) {
        JsonNode spec = obj.path("spec");
        if (spec.path("paused").asBoolean(false) || !spec.has("progressDeadlineSeconds")) {
            return QUIET;
        }
        return Duration.ofSeconds(spec.path("progressDeadlineSeconds").asLong()).plus(QUIET);
    }
}
