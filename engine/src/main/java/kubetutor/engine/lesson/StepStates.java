package kubetutor.engine.lesson;

import kubetutor.engine.snapshot.Snapshot;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster as each step of the running lesson began, so that {@code back} can put it back,
 * and the way to a step's start when none was kept: a fresh cluster, the lesson's setup, and the
 * solutions of the steps before it, run unseen (a learner resuming, a presenter moving on).
 */
final class StepStates {
    private final LessonHost host;
    private final Map<Integer, Snapshot> starts = new HashMap<>();

    StepStates(LessonHost host) {
        this.host = host;
    }

    void clear() {
        starts.clear();
    }

    /** The cluster now is how {@code step} begins. */
    void began(int step) {
        host.snapshot().ifPresent(s -> starts.put(step, s));
    }

    /** Runs the lesson's setup on the cluster there is. Returns the command that failed, or null. */
    String setup(Lesson lesson) {
        for (String command : lesson.setup()) {
            if (host.setup(command) != 0) {
                return command;
            }
        }
        return null;
    }

    static List<Check> failing(Step step, LessonHost host) {
        return step.checks().stream().filter(c -> !c.holds(host.query(c.run()))).toList();
    }

    /** Runs a step's solution unless its checks already hold. Returns false when that did not get it done. */
    boolean finish(Step step) {
        if (step.checks().isEmpty() || failing(step, host).isEmpty()) {
            return true;
        }
        for (String command : step.solution()) {
            if (host.setup(command) != 0) {
                return false;
            }
        }
        return failing(step, host).isEmpty();
    }

    /**
     * Finishes each step from {@code from} on until {@code target} begins, keeping each start.
     * Stops early at a step whose solution fails here (it opens an editor, or the cluster went
     * another way). Returns the step reached.
     */
    int catchUp(Lesson lesson, int from, int target) {
        int step = from;
        while (step < target && finish(lesson.steps().get(step))) {
            step++;
            began(step);
        }
        return step;
    }

    /**
     * Puts the cluster back as {@code target} began: from what was kept, or else rebuilt from the
     * lesson's start. Later starts are let go, as they no longer follow. Returns the step reached
     * (short of the target when a rebuild stopped early), or -1 when even the setup failed.
     */
    int back(Lesson lesson, int target) {
        Snapshot kept = starts.get(target);
        int reached = target;
        if (kept == null || !host.restore(kept)) {
            host.freshCluster();
            if (setup(lesson) != null) {
                return -1;
            }
            starts.clear();
            began(0);
            reached = catchUp(lesson, 0, target);
        }
        int last = reached;
        starts.keySet().removeIf(k -> k > last);
        return reached;
    }
}
