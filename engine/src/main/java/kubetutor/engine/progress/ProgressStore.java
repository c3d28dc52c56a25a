package kubetutor.engine.progress;

/**
 * Where progress lives between sessions: a file for the learner's shell, memory for scripts,
 * notebooks and tests (whose runs must not change what a learner has done).
 */
public interface ProgressStore {
    /** The saved progress; a damaged store is set aside and reported through {@code notice}, never thrown. */
    Loaded load();

    void save(Progress progress) throws ProgressException;

    /** @param notice one line for the learner about what happened to a damaged store, or null */
    record Loaded(Progress progress, String notice) {}

    static ProgressStore inMemory() {
        return new ProgressStore() {
            private Progress kept = Progress.NONE;

            @Override
            public Loaded load() {
                return new Loaded(kept, null);
            }

            @Override
            public void save(Progress progress) {
                kept = progress;
            }
        };
    }
}
