package kubetutor.shell;

import java.util.function.Supplier;

/**
 * The prompt: {@code kubetutor (default) $ }, naming the current context's namespace so that a
 * learner sees where commands go. A lesson, when one runs, adds its step:
 * {@code kubetutor [pods 2/5] (default) $ }.
 */
final class Prompt {
    private Supplier<String> lessonStep = () -> null;

    /** The hook for the lesson runtime: what to show of the current step, or null for nothing. */
    void lessonStep(Supplier<String> step) {
        this.lessonStep = step;
    }

    String render(String namespace, boolean color) {
        String step = lessonStep.get();
        StringBuilder p = new StringBuilder();
        p.append(color ? Ansi.BOLD + Ansi.CYAN + "kubetutor" + Ansi.RESET : "kubetutor");
        if (step != null && !step.isEmpty()) {
            p.append(' ').append(color ? Ansi.YELLOW + "[" + step + "]" + Ansi.RESET : "[" + step + "]");
        }
        p.append(' ').append(color ? Ansi.DIM + "(" + namespace + ")" + Ansi.RESET : "(" + namespace + ")");
        p.append(" $ ");
        return p.toString();
    }
}
