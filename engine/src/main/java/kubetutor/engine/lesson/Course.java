package kubetutor.engine.lesson;

import kubetutor.engine.output.Output;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the learner is in the curriculum (the running lesson, its step, whether an instructor is
 * presenting it) and what every lesson command does with that place: show a step, record it
 * done, speak in the learner's language. The commands themselves live in {@link LessonCommands}
 * and {@link StepCommands}; {@link Tutor} is what the session sees.
 */
final class Course {
    final Curriculum curriculum;
    final LessonHost host;
    final ProgressKeeper progress = new ProgressKeeper();
    final StepHelp help = new StepHelp();
    final StepStates states;
    Language language;
    /** The running lesson; null outside one. */
    Lesson lesson;
    int step;
    boolean presenting;

    Course(Curriculum curriculum, LessonHost host, Language language) {
        this.curriculum = curriculum;
        this.host = host;
        this.language = language;
        this.states = new StepStates(host);
    }

    Step current() {
        return lesson.steps().get(step);
    }

    boolean lastStep() {
        return step == lesson.steps().size() - 1;
    }

    boolean stepDone() {
        return progress.of(lesson.id()).done().contains(step);
    }

    List<Check> failing() {
        return StepStates.failing(current(), host);
    }

    void markDone(Consumer<Output> out) {
        progress.done(lesson.id(), step, unsaved(out));
    }

    /** Says a step was passed: the last one closes the lesson. */
    void passed(Consumer<Output> out, String notLastKey) {
        out.accept(say(lastStep() ? msg("step.passedLast", step + 1, lesson.id()) : msg(notLastKey, step + 1)));
    }

    /** The learner is now at {@code step}: its hints start over, progress remembers it, and it is shown. */
    void enterStep(Consumer<Output> out) {
        help.newStep();
        progress.at(lesson.id(), step, unsaved(out));
        showStep(out);
    }

    void showStep(Consumer<Output> out) {
        Step s = current();
        out.accept(title(msg("step.title", step + 1, lesson.steps().size(), s.title().in(language))));
        out.accept(say("\n" + s.text().in(language) + "\n\n"));
        if (presenting && help.prefills()) {
            help.typeAhead(s.solution()); // the presenter's next command is already typed
        }
    }

    boolean runSetup(Lesson l, Consumer<Output> out) {
        String failed = states.setup(l);
        if (failed != null) {
            out.accept(Output.Error.of(msg("setupFailed", l.id(), failed)));
            return false;
        }
        return true;
    }

    /** A listed lesson, or empty when its file is broken (said to the learner). */
    Optional<Lesson> load(String id, Consumer<Output> out) {
        try {
            return curriculum.find(id);
        } catch (LessonException e) {
            out.accept(Output.Error.of(msg("broken", id, e.getMessage())));
            return Optional.empty();
        }
    }

    void noticeProgress(Consumer<Output> out) {
        String notice = progress.takeNotice();
        if (notice != null) {
            out.accept(Output.Error.of(notice));
        }
    }

    /** Where a failed save of the progress is reported: the session goes on without it. */
    Consumer<String> unsaved(Consumer<Output> out) {
        return problem -> out.accept(Output.Error.of(msg("progress.unsaved", problem)));
    }

    int noLesson(Consumer<Output> out) {
        out.accept(Output.Error.of(msg("noLesson")));
        return 1;
    }

    String msg(String key, Object... args) {
        return Messages.get(language, key, args);
    }

    static Output title(String line) {
        return new Output.Text(line + "\n", Output.TextKind.LESSON_TITLE);
    }

    static Output say(String text) {
        return new Output.Text(text.endsWith("\n") ? text : text + "\n", Output.TextKind.LESSON);
    }
}
