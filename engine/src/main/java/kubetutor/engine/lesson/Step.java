package kubetutor.engine.lesson;

import java.util.List;

/**
 * One step of a lesson: what to read, what to do, and how we know it is done. A step without
 * checks is for reading and looking around; {@code next} moves on.
 *
 * @param hints    given one at a time by {@code hint}, each saying more than the last
 * @param solution the commands that do the step, shown by {@code solution} (never run for the learner)
 */
public record Step(Localized title, Localized text, List<Localized> hints, List<String> solution, List<Check> checks) {
    public Step {
        hints = List.copyOf(hints);
        solution = List.copyOf(solution);
        checks = List.copyOf(checks);
    }
}
