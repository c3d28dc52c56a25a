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
    private static final String PRESENT = "--present";

    private final Curriculum curriculum;
    private final LessonHost host;
    private final ProgressKeeper progress = new ProgressKeeper();
    private Language language;
    private Lesson lesson;
    private int step;
    private final StepHelp help = new StepHelp();
    private boolean presenting;
    private final StepStates states;

    public Tutor(Curriculum curriculum, LessonHost host, Language language) {
        this.curriculum = curriculum;
        this.host = host;
        this.language = language;
        this.states = new StepStates(host);
    }

    public Curriculum curriculum() {
        return curriculum;
    }

    public Language language() {
        return language;
    }

    public void language(Language language) {
        this.language = language;
    }

    /** Keeps progress in {@code store} from now on (the shell's file); a session keeps it in memory otherwise. */
    public void keepProgressIn(ProgressStore store) {
        progress.use(store);
    }

    /** What loading the progress had to say (a damaged file set aside), once; null when nothing. */
    public String progressNotice() {
        return progress.takeNotice();
    }

    /**
     * Tells the runtime that the front end can put a command at the prompt for editing (the
     * shell's line editor): {@code solution} then does that rather than print the commands.
     */
    public void prefillsPrompt(boolean prefills) {
        help.prefills(prefills);
    }

    /** The command to put at the next prompt, if one waits; each is given once. */
    public Optional<String> takePrefill() {
        return help.takePrefill();
    }

    /** The learner typed something other than what was put at the prompt: the rest no longer fits. */
    public void dropPrefill() {
        help.dropPrefill();
    }

    /** Whether an instructor is presenting the running lesson (large headings, commands typed ahead). */
    public boolean presenting() {
        return lesson != null && presenting;
    }

    /** What the prompt shows: {@code pods 2/5}, with a tick once the step is done; empty outside a lesson. */
    public Optional<String> promptStep() {
        if (lesson == null) {
            return Optional.empty();
        }
        return Optional.of(lesson.id() + " " + (step + 1) + "/" + lesson.steps().size() + (stepDone() ? " ✓" : ""));
    }

    /** Where the learner is, for a snapshot: the running lesson and its step, if one runs. */
    public Optional<Snapshot.LessonPlace> place() {
        return lesson == null ? Optional.empty() : Optional.of(new Snapshot.LessonPlace(lesson.id(), step));
    }

    /**
     * Goes back to where a snapshot was taken, without a fresh cluster or setup (the snapshot's
     * journal rebuilt the cluster): no lesson when {@code place} is null, or one that this
     * kubetutor does not have.
     */
    public void goTo(Snapshot.LessonPlace place) {
        Lesson before = lesson;
        lesson = null;
        if (place == null) {
            return;
        }
        try {
            curriculum.find(place.id()).filter(l -> place.step() >= 0 && place.step() < l.steps().size()).ifPresent(l -> {
                lesson = l;
                step = place.step();
            });
        } catch (LessonException e) {
            // a lesson file that no longer reads: the session comes back without it
        }
        if (lesson != before) {
            states.clear(); // they were the other lesson's
            presenting = false;
        }
    }

    /** Shows the current step again (after a load brought the learner back to it). */
    public void showCurrent(Consumer<Output> out) {
        if (lesson != null) {
            showStep(out);
        }
    }

    /** Runs one of {@link #COMMANDS}. Returns its exit status. */
    public int run(String name, List<String> args, Consumer<Output> out) {
        return switch (name) {
            case "lesson" -> lesson(args, out);
            case "next" -> next(out);
            case "back" -> back(out);
            case "hint" -> hint(out);
            case "check" -> check(out);
            case "solution" -> solution(out);
            case "lang" -> lang(args, out);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** After a command: tells the learner when it finished the current step. */
    public void afterCommand(Consumer<Output> out) {
        if (lesson == null || stepDone() || current().checks().isEmpty()) {
            return;
        }
        if (failing().isEmpty()) {
            markDone(out);
            out.accept(say(lastStep() ? msg("step.passedLast", step + 1, lesson.id()) : msg("step.passed", step + 1)));
        }
    }

    /** After {@code reset}: the fresh cluster gets the lesson's setup again; the learner stays at the step. */
    public void afterReset(Consumer<Output> out) {
        states.clear(); // the cluster they restored is gone
        if (lesson != null && !runSetup(lesson, out)) {
            lesson = null;
        }
    }

    private int lesson(List<String> args, Consumer<Output> out) {
        if (args.isEmpty()) {
            return list(out);
        }
        String first = args.get(0);
        boolean fileOperand = first.equals("export") || first.equals("import");
        boolean present = args.size() == 2 && args.get(1).equals(PRESENT) && !fileOperand;
        if (args.size() > (fileOperand || present ? 2 : 1)) {
            out.accept(Output.Error.of(msg("usage", args.get(fileOperand || present ? 2 : 1))));
            return 1;
        }
        return switch (first) {
            case "stop" -> stop(out);
            case "reset" -> restart(out);
            case "export", "import" -> args.size() < 2 ? usage(out, first) : progress.transfer(first, args.get(1), host, language, out);
            default -> start(first, present, out);
        };
    }

    private int list(Consumer<Output> out) {
        if (curriculum.ids().isEmpty()) {
            out.accept(say(msg("list.none")));
            return 0;
        }
        for (String id : curriculum.ids()) {
            if (load(id, out).isEmpty()) {
                return 1;
            }
        }
        noticeProgress(out);
        out.accept(LessonTable.of(curriculum, id -> progress.of(id).done().size(), lesson == null ? null : lesson.id(), language));
        out.accept(say(msg("list.footer", curriculum.ids().get(0))));
        return 0;
    }

    private int start(String id, boolean present, Consumer<Output> out) {
        if (!curriculum.ids().contains(id)) {
            out.accept(Output.Error.of(msg("unknown", id, String.join(", ", curriculum.ids()))));
            return 1;
        }
        Optional<Lesson> found = load(id, out);
        if (found.isEmpty()) {
            return 1;
        }
        Lesson l = found.get();
        noticeProgress(out);
        // An instructor starts at the top; a learner comes back where they left off.
        int resumeAt = present || !progress.started(id) ? 0 : Math.min(progress.of(id).current(), l.steps().size() - 1);
        lesson = null; // the setup's own commands are not the learner's, and no step is checked against them
        states.clear();
        help.newStep();
        host.freshCluster();
        if (!runSetup(l, out)) {
            return 1;
        }
        out.accept(title(msg("start.title", l.id(), l.title().in(language))));
        StringBuilder intro = new StringBuilder();
        intro.append(l.summary().in(language)).append("\n\n").append(msg("start.reset")).append('\n');
        HandOut.files(l, host.workDir(), language, intro);
        intro.append(msg(present ? "start.present" : "start.commands")).append("\n\n");
        lesson = l;
        presenting = present;
        step = 0;
        states.began(0);
        if (resumeAt > 0) {
            step = states.catchUp(l, 0, resumeAt);
            int reached = step;
            intro.append(msg("start.resumed", reached + 1, l.steps().size())).append("\n\n");
        }
        out.accept(say(intro.toString()));
        progress.at(id, step, problem -> out.accept(Output.Error.of(msg("progress.unsaved", problem))));
        showStep(out);
        return 0;
    }

    private boolean runSetup(Lesson l, Consumer<Output> out) {
        String failed = states.setup(l);
        if (failed != null) {
            out.accept(Output.Error.of(msg("setupFailed", l.id(), failed)));
            return false;
        }
        return true;
    }

    private int stop(Consumer<Output> out) {
        if (lesson == null) {
            return noLesson(out);
        }
        out.accept(say(msg("stopped", lesson.id(), step + 1, lesson.steps().size())));
        lesson = null;
        help.newStep();
        return 0;
    }

    private int restart(Consumer<Output> out) {
        if (lesson == null) {
            return noLesson(out);
        }
        String id = lesson.id();
        progress.forget(id, problem -> out.accept(Output.Error.of(msg("progress.unsaved", problem))));
        return start(id, presenting, out);
    }

    private int next(Consumer<Output> out) {
        if (lesson == null) {
            return noLesson(out);
        }
        if (current().checks().isEmpty()) {
            markDone(out); // a reading step is done once the learner has read it and moves on
        }
        if (step + 1 >= lesson.steps().size()) {
            out.accept(say(msg("next.last", lesson.id())));
            return 0;
        }
        // The presenter moves on whether or not the class typed the step: the cluster follows.
        if (presenting && !stepDone()) {
            if (!states.finish(current())) {
                out.accept(Output.Error.of(msg("present.notDone", step + 1)));
                return 1;
            }
            markDone(out);
        }
        step++;
        states.began(step);
        enterStep(out);
        return 0;
    }

    private int back(Consumer<Output> out) {
        if (lesson == null) {
            return noLesson(out);
        }
        if (step == 0) {
            out.accept(say(msg("back.first")));
            return 0;
        }
        int reached = states.back(lesson, step - 1);
        if (reached < 0) {
            out.accept(Output.Error.of(msg("setupFailed", lesson.id(), "")));
            lesson = null;
            return 1;
        }
        step = reached;
        out.accept(say(msg("back.restored", step + 1)));
        enterStep(out);
        return 0;
    }

    private void enterStep(Consumer<Output> out) {
        help.newStep();
        progress.at(lesson.id(), step, problem -> out.accept(Output.Error.of(msg("progress.unsaved", problem))));
        showStep(out);
    }

    private int hint(Consumer<Output> out) {
        if (lesson == null) {
            return noLesson(out);
        }
        out.accept(say(help.hint(current(), language)));
        return 0;
    }

    private int check(Consumer<Output> out) {
        if (lesson == null) {
            return noLesson(out);
        }
        if (current().checks().isEmpty()) {
            out.accept(say(msg("step.nothingToCheck", step + 1)));
            return 0;
        }
        List<Check> failing = failing();
        if (failing.isEmpty()) {
            markDone(out);
            out.accept(say(lastStep() ? msg("step.passedLast", step + 1, lesson.id()) : msg("step.checkedPassed", step + 1)));
            return 0;
        }
        StringBuilder text = new StringBuilder();
        for (Check c : failing) {
            text.append(msg("step.failing", c.fail().in(language))).append('\n');
        }
        out.accept(say(text.toString()));
        return 1;
    }

    private int solution(Consumer<Output> out) {
        if (lesson == null) {
            return noLesson(out);
        }
        out.accept(say(help.solution(current(), step + 1, language)));
        return 0;
    }

    private int lang(List<String> args, Consumer<Output> out) {
        if (args.isEmpty()) {
            out.accept(say(msg("lang.show")));
            return 0;
        }
        Optional<Language> l = Language.of(args.get(0));
        if (l.isEmpty()) {
            out.accept(Output.Error.of(msg("lang.unknown", args.get(0))));
            return 1;
        }
        language = l.get();
        out.accept(say(msg("lang.now")));
        return 0;
    }

    private void showStep(Consumer<Output> out) {
        Step s = current();
        out.accept(title(msg("step.title", step + 1, lesson.steps().size(), s.title().in(language))));
        out.accept(say("\n" + s.text().in(language) + "\n\n"));
        if (presenting && help.prefills()) {
            help.typeAhead(s.solution()); // the presenter's next command is already typed
        }
    }

    private List<Check> failing() {
        return StepStates.failing(current(), host);
    }

    private boolean lastStep() {
        return step == lesson.steps().size() - 1;
    }

    private Step current() {
        return lesson.steps().get(step);
    }

    private boolean stepDone() {
        return progress.of(lesson.id()).done().contains(step);
    }

    private void markDone(Consumer<Output> out) {
        progress.done(lesson.id(), step, problem -> out.accept(Output.Error.of(msg("progress.unsaved", problem))));
    }

    private void noticeProgress(Consumer<Output> out) {
        String notice = progress.takeNotice();
        if (notice != null) {
            out.accept(Output.Error.of(notice));
        }
    }

    /** A listed lesson, or empty when its file is broken (said to the learner). */
    private Optional<Lesson> load(String id, Consumer<Output> out) {
        try {
            return curriculum.find(id);
        } catch (LessonException e) {
            out.accept(Output.Error.of(msg("broken", id, e.getMessage())));
            return Optional.empty();
        }
    }

    private int noLesson(Consumer<Output> out) {
        out.accept(Output.Error.of(msg("noLesson")));
        return 1;
    }

    private int usage(Consumer<Output> out, String verb) {
        out.accept(Output.Error.of(msg("transfer.usage", verb)));
        return 1;
    }

    private String msg(String key, Object... args) {
        return Messages.get(language, key, args);
    }

    private static Output title(String line) {
        return new Output.Text(line + "\n", Output.TextKind.LESSON_TITLE);
    }

    private static Output say(String text) {
        return new Output.Text(text.endsWith("\n") ? text : text + "\n", Output.TextKind.LESSON);
    }
}
