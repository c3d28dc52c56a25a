package kubetutor.engine.lesson;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The help a step gives: its hints one at a time, each saying more than the last, and its
 * solution, either typed ahead at the prompt (a front end with a line editor) or printed for
 * the learner to type (a script, a notebook). Reset when the learner moves to another step.
 */
final class StepHelp {
    private int hintsGiven;
    private boolean prefills;
    /** Commands waiting to be put at the prompt, one per prompt. */
    private final Deque<String> prefill = new ArrayDeque<>();

    void prefills(boolean prefills) {
        this.prefills = prefills;
    }

    boolean prefills() {
        return prefills;
    }

    /** A new step: its hints start again from the first, and the last step's commands no longer wait. */
    void newStep() {
        hintsGiven = 0;
        prefill.clear();
    }

    Optional<String> takePrefill() {
        return Optional.ofNullable(prefill.poll());
    }

    void dropPrefill() {
        prefill.clear();
    }

    /** Puts commands at the prompt, one after another. */
    void typeAhead(List<String> commands) {
        prefill.clear();
        prefill.addAll(commands);
    }

    String hint(Step step, Language language) {
        List<Localized> hints = step.hints();
        if (hints.isEmpty()) {
            return Messages.get(language, "hint.none");
        }
        int shown = Math.min(hintsGiven, hints.size() - 1);
        hintsGiven = shown + 1;
        String text = hints.get(shown).in(language);
        if (hints.size() == 1) {
            return text;
        }
        return Messages.get(language, hintsGiven < hints.size() ? "hint.more" : "hint.last", hintsGiven, hints.size()) + "\n" + text;
    }

    /** @param number the step's number as the learner counts */
    String solution(Step step, int number, Language language) {
        List<String> commands = step.solution();
        if (commands.isEmpty()) {
            return Messages.get(language, "solution.none", number);
        }
        if (prefills) {
            typeAhead(commands);
            return Messages.get(language, commands.size() == 1 ? "solution.atPrompt" : "solution.atPrompts", number, commands.size());
        }
        StringBuilder text = new StringBuilder(Messages.get(language, "solution.title", number)).append("\n\n");
        commands.forEach(c -> text.append("  $ ").append(c).append('\n'));
        return text.toString();
    }
}
