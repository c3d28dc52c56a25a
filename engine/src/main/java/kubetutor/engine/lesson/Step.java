package kubetutor.engine.lesson;

import java.util.List;

/**
 * One step of a lesson: what to read, what to do, and how we know it is done. A step without
 * checks is for reading and looking around; {@code next} moves on.
 *
 * @param solution the commands that do the step, shown by {@code solution} (never run for the learner)
 */
public record Step(Localized title, Localized text, Localized hint, List<String> solution, List<Check> checks) {
    public Step {
        solution = List.copyOf(solution);
        checks = List.copyOf(checks);
    }
}
