package kubetutor.engine.lesson;

import kubetutor.engine.output.Output;
import kubetutor.engine.progress.ProgressStore;
import kubetutor.engine.snapshot.Snapshot;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lesson runtime: which lesson runs, at which step, what is done, and the commands that move
 * through it ({@code lesson}, {@code next}, {@code back}, {@code hint}, {@code check},
 * {@code solution}, {@code lang}). After every command the session asks it whether the current
 * step's checks now hold, so the learner hears "done" the moment the cluster gets there.
 */
public final class Tutor {
    public static final List<String> COMMANDS = List.of("lesson", "next", "back", "hint", "check", "solution", "lang");

    private final Course course;
    private final LessonCommands lessons;
    private final StepCommands steps;

    public Tutor(Curriculum curriculum, LessonHost host, Language language) {
        this.course = new Course(curriculum, host, language);
        this.lessons = new LessonCommands(course);
        this.steps = new StepCommands(course);
    }

    public Curriculum curriculum() {
        return course.curriculum;
    }

    public Language language() {
        return course.language;
    }

    public void language(Language language) {
        course.language = language;
    }

    /** Keeps progress in {@code store} from now on (the shell's file); a session keeps it in memory otherwise. */
    public void keepProgressIn(ProgressStore store) {
        course.progress.use(store);
    }

    /** What loading the progress had to say (a damaged file set aside), once; null when nothing. */
    public String progressNotice() {
        return course.progress.takeNotice();
    }

    /**
     * Tells the runtime that the front end can put a command at the prompt for editing (the
     * shell's line editor): {@code solution} then does that rather than print the commands.
     */
    public void prefillsPrompt(boolean prefills) {
        course.help.prefills(prefills);
    }

    /** The command to put at the next prompt, if one waits; each is given once. */
    public Optional<String> takePrefill() {
        return course.help.takePrefill();
    }

    /** The learner typed something other than what was put at the prompt: the rest no longer fits. */
    public void dropPrefill() {
        course.help.dropPrefill();
    }

    /** Whether an instructor is presenting the running lesson (large headings, commands typed ahead). */
    public boolean presenting() {
        return course.lesson != null && course.presenting;
    }

    /** What the prompt shows: {@code pods 2/5}, with a tick once the step is done; empty outside a lesson. */
    public Optional<String> promptStep() {
        Lesson lesson = course.lesson;
        if (lesson == null) {
            return Optional.empty();
        }
        return Optional.of(lesson.id() + " " + (course.step + 1) + "/" + lesson.steps().size() + (course.stepDone() ? " ✓" : ""));
    }

    /** Where the learner is, for a snapshot: the running lesson and its step, if one runs. */
    public Optional<Snapshot.LessonPlace> place() {
        return course.lesson == null ? Optional.empty() : Optional.of(new Snapshot.LessonPlace(course.lesson.id(), course.step));
    }

    /**
     * Goes back to where a snapshot was taken, without a fresh cluster or setup (the snapshot's
     * journal rebuilt the cluster): no lesson when {@code place} is null, or one that this
     * kubetutor does not have.
     */
    public void goTo(Snapshot.LessonPlace place) {
        Lesson before = course.lesson;
        course.lesson = null;
        if (place == null) {
            return;
        }
        try {
            course.curriculum.find(place.id()).filter(l -> place.step() >= 0 && place.step() < l.steps().size()).ifPresent(l -> {
                course.lesson = l;
                course.step = place.step();
            });
        } catch (LessonException e) {
            // a lesson file that no longer reads: the session comes back without it
        }
        if (course.lesson != before) {
            course.states.clear(); // they were the other lesson's
            course.presenting = false;
        }
    }

    /** Shows the current step again (after a load brought the learner back to it). */
    public void showCurrent(Consumer<Output> out) {
        if (course.lesson != null) {
            course.showStep(out);
        }
    }

    /** Runs one of {@link #COMMANDS}. Returns its exit status. */
    public int run(String name, List<String> args, Consumer<Output> out) {
        return switch (name) {
            case "lesson" -> lessons.lesson(args, out);
            case "next" -> steps.next(out);
            case "back" -> steps.back(out);
            case "hint" -> steps.hint(out);
            case "check" -> steps.check(out);
            case "solution" -> steps.solution(out);
            case "lang" -> lang(args, out);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** After a command: tells the learner when it finished the current step. */
    public void afterCommand(Consumer<Output> out) {
        if (course.lesson == null || course.stepDone() || course.current().checks().isEmpty()) {
            return;
        }
        if (course.failing().isEmpty()) {
            course.markDone(out);
            course.passed(out, "step.passed");
        }
    }

    /** After {@code reset}: the fresh cluster gets the lesson's setup again; the learner stays at the step. */
    public void afterReset(Consumer<Output> out) {
        course.states.clear(); // the cluster they restored is gone
        if (course.lesson != null && !course.runSetup(course.lesson, out)) {
            course.lesson = null;
        }
    }

    private int lang(List<String> args, Consumer<Output> out) {
        if (args.isEmpty()) {
            out.accept(Course.say(course.msg("lang.show")));
            return 0;
        }
        Optional<Language> l = Language.of(args.get(0));
        if (l.isEmpty()) {
            out.accept(Output.Error.of(course.msg("lang.unknown", args.get(0))));
            return 1;
        }
        course.language = l.get();
        out.accept(Course.say(course.msg("lang.now")));
        return 0;
    }
}
