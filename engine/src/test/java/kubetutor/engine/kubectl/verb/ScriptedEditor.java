package kubetutor.engine.kubectl.verb;

import kubetutor.engine.workspace.TextEditor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A learner at the editor, scripted: each opening applies the next edit to the text kubectl wrote,
 * in a file named /tmp/kubectl-edit-N.yaml. It keeps what it was shown and which files kubectl removed.
 */
final class ScriptedEditor implements TextEditor {
    private final Deque<UnaryOperator<String>> edits = new ArrayDeque<>();
    final List<String> shown = new ArrayList<>();
    final List<String> removed = new ArrayList<>();

    @SafeVarargs
    ScriptedEditor(UnaryOperator<String>... edits) {
        this.edits.addAll(List.of(edits));
    }

    @Override
    public Outcome edit(String prefix, String suffix, String text) {
        shown.add(text);
        if (edits.isEmpty()) {
            throw new AssertionError("kubectl opened the editor once more than scripted:\n" + text);
        }
        return new Saved("/tmp/" + prefix + shown.size() + suffix, edits.removeFirst().apply(text));
    }

    @Override
    public void remove(String path) {
        removed.add(path);
    }

    /** An edit that replaces {@code from} with {@code to}, which must be there. */
    static UnaryOperator<String> replace(String from, String to) {
        return text -> {
            if (!text.contains(from)) {
                throw new AssertionError("no '" + from + "' in\n" + text);
            }
            return text.replace(from, to);
        };
    }

    /** Saving the file as it was opened. */
    static UnaryOperator<String> unchanged() {
        return text -> text;
    }
}
