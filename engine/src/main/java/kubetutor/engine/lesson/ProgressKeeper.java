package kubetutor.engine.lesson;

import kubetutor.engine.output.Output;
import kubetutor.engine.progress.LessonRecord;
import kubetutor.engine.progress.Progress;
import kubetutor.engine.progress.ProgressCodec;
import kubetutor.engine.progress.ProgressException;
import kubetutor.engine.progress.ProgressFile;
import kubetutor.engine.progress.ProgressStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The learner's progress as the runtime keeps it: read from its store on first use, saved after
 * every change. A store that cannot be read or written is said once and never stops the lesson.
 */
final class ProgressKeeper {
    private ProgressStore store = ProgressStore.inMemory();
    private Progress progress;
    private String notice;
    private boolean saveFailed;

    void use(ProgressStore store) {
        this.store = store;
        this.progress = null;
    }

    /** What the loading said about a damaged store, once; null when there is nothing to say. */
    String takeNotice() {
        progress();
        String n = notice;
        notice = null;
        return n;
    }

    LessonRecord of(String id) {
        return progress().lesson(id);
    }

    boolean started(String id) {
        return progress().lessons().containsKey(id);
    }

    void done(String id, int step, Consumer<String> say) {
        change(progress().with(id, of(id).withDone(step)), say);
    }

    void at(String id, int step, Consumer<String> say) {
        if (of(id).current() != step || !started(id)) {
            change(progress().with(id, of(id).at(step)), say);
        }
    }

    void forget(String id, Consumer<String> say) {
        change(progress().without(id), say);
    }

    /** Writes the progress to a file of the workspace (atomically, as the store is written). */
    void exportTo(Path file) throws ProgressException {
        ProgressFile.write(file, ProgressCodec.write(progress()));
    }

    /** Replaces the progress with a file's: all of it, or nothing when it does not read. */
    void importFrom(Path file, Consumer<String> say) throws ProgressException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ProgressException("No such file or directory");
        } catch (IOException e) {
            throw new ProgressException("cannot be read");
        }
        try {
            change(ProgressCodec.read(text), say);
        } catch (ProgressException e) {
            throw new ProgressException("not a progress file: " + e.getMessage());
        }
    }

    /** {@code lesson export FILE} and {@code lesson import FILE}, with a file of the workspace. */
    int transfer(String verb, String name, LessonHost host, Language language, Consumer<Output> out) {
        Path file = host.resolve(name);
        if (file == null) {
            out.accept(Output.Error.of(Messages.get(language, "transfer.outside", verb, name)));
            return 1;
        }
        try {
            if (verb.equals("export")) {
                exportTo(file);
            } else {
                importFrom(file, problem -> out.accept(Output.Error.of(Messages.get(language, "progress.unsaved", problem))));
            }
            out.accept(new Output.Text(Messages.get(language, verb + ".done", name) + "\n", Output.TextKind.LESSON));
            return 0;
        } catch (ProgressException e) {
            out.accept(Output.Error.of(Messages.get(language, verb + ".failed", name, e.getMessage())));
            return 1;
        }
    }

    private Progress progress() {
        if (progress == null) {
            ProgressStore.Loaded loaded = store.load();
            progress = loaded.progress();
            notice = loaded.notice();
        }
        return progress;
    }

    private void change(Progress changed, Consumer<String> say) {
        progress = changed;
        try {
            store.save(changed);
            saveFailed = false;
        } catch (ProgressException e) {
            if (!saveFailed) {
                say.accept(e.getMessage());
            }
            saveFailed = true; // said once: the lesson goes on, and the next save tries again
        }
    }
}
