package kubetutor.engine.progress;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where a learner is in one lesson.
 *
 * @param done    the steps done, counted from 0
 * @param current the step the learner was at when they last moved, counted from 0
 */
public record LessonRecord(SortedSet<Integer> done, int current) {
    public LessonRecord {
        done = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(done));
    }

    public static LessonRecord start() {
        return new LessonRecord(new TreeSet<>(), 0);
    }

    public LessonRecord withDone(int step) {
        TreeSet<Integer> more = new TreeSet<>(done);
        more.add(step);
        return new LessonRecord(more, current);
    }

    public LessonRecord at(int step) {
        return new LessonRecord(done, step);
    }
}
