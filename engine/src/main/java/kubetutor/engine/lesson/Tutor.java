package kubetutor.engine.lesson;

import kubetutor.engine.output.Cell;
import kubetutor.engine.output.Output;
import kubetutor.engine.output.Style;
import kubetutor.engine.output.Table;
import kubetutor.engine.snapshot.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The lesson runtime: which lesson runs, at which step, what is done, and the commands that move
 * through it ({@code lesson}, {@code next}, {@code back}, {@code hint}, {@code check},
 * {@code solution}, {@code lang}). After every command the session asks it whether the current
 * step's checks now hold, so the learner hears "done" the moment the cluster gets there.
 */
public final class Tutor {
    public static final List<String> COMMANDS = List.of("lesson", "next", "back", "hint", "check", "solution", "lang");

    private final Curriculum curriculum;
    private final LessonHost host;
    private Language language;
    private Lesson lesson;
    private int step;
    /** Steps done, per lesson id: kept when a lesson stops or another starts, so the list shows progress. */
    private final Map<String, Set<Integer>> done = new HashMap<>();

    public Tutor(Curriculum curriculum, LessonHost host, Language language) {
        this.curriculum = curriculum;
        this.host = host;
        this.language = language;
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
            case "lesson" -> args.isEmpty() ? list(out) : args.get(0).equals("stop") ? stop(out) : start(args.get(0), out);
            case "next" -> move(+1, out);
            case "back" -> move(-1, out);
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
            markDone();
            out.accept(say(lastStep() ? msg("step.passedLast", step + 1, lesson.id()) : msg("step.passed", step + 1)));
        }
    }

    /** After {@code reset}: the fresh cluster gets the lesson's setup again; the learner stays at the step. */
    public void afterReset(Consumer<Output> out) {
        if (lesson != null && !runSetup(lesson, out)) {
            lesson = null;
        }
    }

    private int list(Consumer<Output> out) {
        if (curriculum.ids().isEmpty()) {
            out.accept(say(msg("list.none")));
            return 0;
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (String id : curriculum.ids()) {
            Optional<Lesson> l = load(id, out);
            if (l.isEmpty()) {
                return 1;
            }
            int steps = l.get().steps().size();
            int finished = done.getOrDefault(id, Set.of()).size();
            boolean current = lesson != null && lesson.id().equals(id);
            rows.add(List.of(plain(current ? "* " + id : "  " + id), plain(String.valueOf(steps)),
                    new Cell(finished == 0 ? "-" : finished + "/" + steps, finished == steps ? Style.OK : Style.PLAIN),
                    plain(l.get().title().in(language))));
        }
        List<String> headers = new ArrayList<>(List.of(msg("list.header").split("\t")));
        headers.set(0, "  " + headers.get(0));
        out.accept(new Output.TableOutput(new Table(headers, rows)));
        out.accept(say(msg("list.footer", curriculum.ids().get(0))));
        return 0;
    }

    private int start(String id, Consumer<Output> out) {
        if (!curriculum.ids().contains(id)) {
            out.accept(Output.Error.of(msg("unknown", id, String.join(", ", curriculum.ids()))));
            return 1;
        }
        Optional<Lesson> found = load(id, out);
        if (found.isEmpty()) {
            return 1;
        }
        Lesson l = found.get();
        lesson = null; // the setup's own commands are not the learner's, and no step is checked against them
        host.freshCluster();
        if (!runSetup(l, out)) {
            return 1;
        }
        out.accept(title(msg("start.title", l.id(), l.title().in(language))));
        StringBuilder intro = new StringBuilder();
        intro.append(l.summary().in(language)).append("\n\n").append(msg("start.reset")).append('\n');
        handOut(l, intro);
        intro.append(msg("start.commands")).append("\n\n");
        out.accept(say(intro.toString()));
        lesson = l;
        step = 0;
        showStep(out);
        return 0;
    }

    private boolean runSetup(Lesson l, Consumer<Output> out) {
        for (String command : l.setup()) {
            if (host.setup(command) != 0) {
                out.accept(Output.Error.of(msg("setupFailed", l.id(), command)));
                return false;
            }
        }
        return true;
    }

    /** Writes the lesson's files into the workspace, never over a learner's own edits. */
    private void handOut(Lesson l, StringBuilder intro) {
        List<String> given = new ArrayList<>();
        for (Lesson.HandedFile f : l.files()) {
            Path target = host.workDir().resolve(f.name());
            try {
                if (Files.exists(target)) {
                    if (!Files.readString(target, StandardCharsets.UTF_8).equals(f.content())) {
                        intro.append(msg("start.kept", f.name())).append('\n');
                        continue;
                    }
                } else {
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, f.content(), StandardCharsets.UTF_8);
                }
                given.add(f.name());
            } catch (IOException e) {
                intro.append(msg("broken", l.id(), f.name() + ": " + e.getMessage())).append('\n');
            }
        }
        if (!given.isEmpty()) {
            intro.append(msg("start.files", host.workDir(), String.join(", ", given))).append('\n');
        }
    }

    private int stop(Consumer<Output> out) {
        if (lesson == null) {
            return noLesson(out);
        }
        out.accept(say(msg("stopped", lesson.id(), step + 1, lesson.steps().size())));
        lesson = null;
        return 0;
    }

    private int move(int delta, Consumer<Output> out) {
        if (lesson == null) {
            return noLesson(out);
        }
        if (delta > 0 && current().checks().isEmpty()) {
            markDone(); // a reading step is done once the learner has read it and moves on
        }
        int target = step + delta;
        if (target >= lesson.steps().size()) {
            out.accept(say(msg("next.last", lesson.id())));
            return 0;
        }
        if (target < 0) {
            out.accept(say(msg("back.first")));
            return 0;
        }
        step = target;
        showStep(out);
        return 0;
    }

    private int hint(Consumer<Output> out) {
        if (lesson == null) {
            return noLesson(out);
        }
        Localized hint = current().hint();
        out.accept(say(hint == null ? msg("hint.none") : hint.in(language)));
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
            markDone();
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
        List<String> commands = current().solution();
        if (commands.isEmpty()) {
            out.accept(say(msg("solution.none", step + 1)));
            return 0;
        }
        StringBuilder text = new StringBuilder(msg("solution.title", step + 1)).append("\n\n");
        commands.forEach(c -> text.append("  $ ").append(c).append('\n'));
        out.accept(say(text.toString()));
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
    }

    private List<Check> failing() {
        List<Check> failing = new ArrayList<>();
        for (Check c : current().checks()) {
            if (!c.holds(host.query(c.run()))) {
                failing.add(c);
            }
        }
        return failing;
    }

    private boolean lastStep() {
        return step == lesson.steps().size() - 1;
    }

    private Step current() {
        return lesson.steps().get(step);
    }

    private boolean stepDone() {
        return done.getOrDefault(lesson.id(), Set.of()).contains(step);
    }

    private void markDone() {
        done.computeIfAbsent(lesson.id(), k -> new HashSet<>()).add(step);
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

    private String msg(String key, Object... args) {
        return Messages.get(language, key, args);
    }

    private static Cell plain(String text) {
        return new Cell(text, Style.PLAIN);
    }

    private static Output title(String line) {
        return new Output.Text(line + "\n", Output.TextKind.LESSON_TITLE);
    }

    private static Output say(String text) {
        return new Output.Text(text.endsWith("\n") ? text : text + "\n", Output.TextKind.LESSON);
    }
}
