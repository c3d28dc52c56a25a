package kubetutor.engine.lesson;

import kubetutor.engine.output.Output;

import java.util.List;
import java.util.function.Consumer;

import static kubetutor.engine.lesson.Course.say;

/**
 * The commands that move through the running lesson's steps and help with one: {@code next},
 * {@code back} (with the cluster as that step began), {@code hint}, {@code check} and
 * {@code solution}.
 */
final class StepCommands {
    private final Course course;

    StepCommands(Course course) {
        this.course = course;
    }

    int next(Consumer<Output> out) {
        if (course.lesson == null) {
            return course.noLesson(out);
        }
        if (course.current().checks().isEmpty()) {
            course.markDone(out); // a reading step is done once the learner has read it and moves on
        }
        if (course.lastStep()) {
            out.accept(say(course.msg("next.last", course.lesson.id())));
            return 0;
        }
        // The presenter moves on whether or not the class typed the step: the cluster follows.
        if (course.presenting && !course.stepDone()) {
            if (!course.states.finish(course.current())) {
                out.accept(Output.Error.of(course.msg("present.notDone", course.step + 1)));
                return 1;
            }
            course.markDone(out);
        }
        course.step++;
        course.states.began(course.step);
        course.enterStep(out);
        return 0;
    }

    int back(Consumer<Output> out) {
        if (course.lesson == null) {
            return course.noLesson(out);
        }
        if (course.step == 0) {
            out.accept(say(course.msg("back.first")));
            return 0;
        }
        int reached = course.states.back(course.lesson, course.step - 1);
        if (reached < 0) {
            out.accept(Output.Error.of(course.msg("setupFailed", course.lesson.id(), "")));
            course.lesson = null;
            return 1;
        }
        course.step = reached;
        out.accept(say(course.msg("back.restored", course.step + 1)));
        course.enterStep(out);
        return 0;
    }

    int hint(Consumer<Output> out) {
        if (course.lesson == null) {
            return course.noLesson(out);
        }
        out.accept(say(course.help.hint(course.current(), course.language)));
        return 0;
    }

    int check(Consumer<Output> out) {
        if (course.lesson == null) {
            return course.noLesson(out);
        }
        if (course.current().checks().isEmpty()) {
            out.accept(say(course.msg("step.nothingToCheck", course.step + 1)));
            return 0;
        }
        List<Check> failing = course.failing();
        if (failing.isEmpty()) {
            course.markDone(out);
            course.passed(out, "step.checkedPassed");
            return 0;
        }
        StringBuilder text = new StringBuilder();
        for (Check c : failing) {
            text.append(course.msg("step.failing", c.fail().in(course.language))).append('\n');
        }
        out.accept(say(text.toString()));
        return 1;
    }

    int solution(Consumer<Output> out) {
        if (course.lesson == null) {
            return course.noLesson(out);
        }
        out.accept(say(course.help.solution(course.current(), course.step + 1, course.language)));
        return 0;
    }
}
