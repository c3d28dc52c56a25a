package kubetutor.engine.progress;

import java.util.Map;
import java.util.TreeMap;

/** A learner's progress through the lessons, by lesson id: a value, saved whole after every change. */
public record Progress(Map<String, LessonRecord> lessons) {
    public static final Progress NONE = new Progress(Map.of());

    public Progress {
        lessons = java.util.Collections.unmodifiableMap(new TreeMap<>(lessons));
    }

    public LessonRecord lesson(String id) {
        return lessons.getOrDefault(id, LessonRecord.start());
    }

    public Progress with(String id, LessonRecord record) {
        TreeMap<String, LessonRecord> changed = new TreeMap<>(lessons);
        changed.put(id, record);
        return new Progress(changed);
    }

    public Progress without(String id) {
        TreeMap<String, LessonRecord> changed = new TreeMap<>(lessons);
        changed.remove(id);
        return new Progress(changed);
    }
}
