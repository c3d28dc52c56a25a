package kubetutor.engine.lesson;

import kubetutor.engine.output.Output;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static kubetutor.engine.lesson.Course.say;
import static kubetutor.engine.lesson.Course.title;

/**
 * The {@code lesson} command and its forms: the list, starting (or resuming, or presenting) a
 * lesson on a fresh cluster, {@code stop}, {@code reset}, and carrying progress with
 * {@code export} / {@code import}.
 */
final class LessonCommands {
    private static final String PRESENT = "--present";

    private final Course course;

    LessonCommands(Course course) {
        this.course = course;
    }

    int lesson(List<String> args, Consumer<Output> out) {
        if (args.isEmpty()) {
            return list(out);
        }
        String first = args.get(0);
        boolean fileOperand = first.equals("export") || first.equals("import");
        boolean present = args.size() == 2 && args.get(1).equals(PRESENT) && !fileOperand;
        if (args.size() > (fileOperand || present ? 2 : 1)) {
            out.accept(Output.Error.of(course.msg("usage", args.get(fileOperand || present ? 2 : 1))));
            return 1;
        }
        return switch (first) {
            case "stop" -> stop(out);
            case "reset" -> restart(out);
            case "export", "import" -> args.size() < 2 ? usage(out, first)
                    : course.progress.transfer(first, args.get(1), course.host, course.language, out);
            default -> start(first, present, out);
        };
    }

    private int list(Consumer<Output> out) {
        Curriculum curriculum = course.curriculum;
        if (curriculum.ids().isEmpty()) {
            out.accept(say(course.msg("list.none")));
            return 0;
        }
        for (String id : curriculum.ids()) {
            if (course.load(id, out).isEmpty()) {
                return 1;
            }
        }
        course.noticeProgress(out);
        String running = course.lesson == null ? null : course.lesson.id();
        out.accept(LessonTable.of(curriculum, id -> course.progress.of(id).done().size(), running, course.language));
        out.accept(say(course.msg("list.footer", curriculum.ids().get(0))));
        return 0;
    }

    private int start(String id, boolean present, Consumer<Output> out) {
        if (!course.curriculum.ids().contains(id)) {
            out.accept(Output.Error.of(course.msg("unknown", id, String.join(", ", course.curriculum.ids()))));
            return 1;
        }
        Optional<Lesson> found = course.load(id, out);
        if (found.isEmpty()) {
            return 1;
        }
        Lesson l = found.get();
        course.noticeProgress(out);
        // An instructor starts at the top; a learner comes back where they left off.
        ProgressKeeper progress = course.progress;
        int resumeAt = present || !progress.started(id) ? 0 : Math.min(progress.of(id).current(), l.steps().size() - 1);
        course.lesson = null; // the setup's own commands are not the learner's, and no step is checked against them
        course.states.clear();
        course.help.newStep();
        course.host.freshCluster();
        if (!course.runSetup(l, out)) {
            return 1;
        }
        out.accept(title(course.msg("start.title", l.id(), l.title().in(course.language))));
        StringBuilder intro = new StringBuilder();
        intro.append(l.summary().in(course.language)).append("\n\n").append(course.msg("start.reset")).append('\n');
        HandOut.files(l, course.host.workDir(), course.language, intro);
        intro.append(course.msg(present ? "start.present" : "start.commands")).append("\n\n");
        course.lesson = l;
        course.presenting = present;
        course.step = 0;
        course.states.began(0);
        if (resumeAt > 0) {
            course.step = course.states.catchUp(l, 0, resumeAt);
            intro.append(course.msg("start.resumed", course.step + 1, l.steps().size())).append("\n\n");
        }
        out.accept(say(intro.toString()));
        progress.at(id, course.step, course.unsaved(out));
        course.showStep(out);
        return 0;
    }

    private int stop(Consumer<Output> out) {
        if (course.lesson == null) {
            return course.noLesson(out);
        }
        out.accept(say(course.msg("stopped", course.lesson.id(), course.step + 1, course.lesson.steps().size())));
        course.lesson = null;
        course.help.newStep();
        return 0;
    }

    private int restart(Consumer<Output> out) {
        if (course.lesson == null) {
            return course.noLesson(out);
        }
        String id = course.lesson.id();
        course.progress.forget(id, course.unsaved(out));
        return start(id, course.presenting, out);
    }

    private int usage(Consumer<Output> out, String verb) {
        out.accept(Output.Error.of(course.msg("transfer.usage", verb)));
        return 1;
    }
}
