package kubetutor.engine.session;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.workspace.TextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code KUBE_EDITOR=nano kubectl edit ...}: the words before a command's name are its environment
 * alone, as bash gives them; kubectl finds its editor there, and the shell keeps no such variable.
 */
class CommandEnvironmentTest {
    @TempDir
    Path work;

    /** The front end's editor: notes which $KUBE_EDITOR/$EDITOR kubectl opened it with, and saves the text unchanged. */
    private record NotingEditor(List<String> opened, Map<String, String> env) implements TextEditor {
        @Override
        public TextEditor under(Map<String, String> environment) {
            return new NotingEditor(opened, environment);
        }

        @Override
        public Outcome edit(String prefix, String suffix, String text) {
            opened.add(env.getOrDefault("KUBE_EDITOR", "-") + " " + env.getOrDefault("EDITOR", "-"));
            return new Saved("/tmp/" + prefix + "1" + suffix, text);
        }

        @Override
        public void remove(String path) {}
    }

    private static String run(Session s, String command) {
        StringBuilder out = new StringBuilder();
        s.execute(command, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return out.toString();
    }

    @Test
    void kubectlEditFindsItsEditorInThePrefixAndTheExportedVariables() throws IOException {
        Session s = new Session(new SessionOptions(1, null, work));
        NotingEditor editor = new NotingEditor(new ArrayList<>(), Map.of());
        s.useEditor(editor);

        assertEquals("Edit cancelled, no changes made.\n", run(s, "KUBE_EDITOR=nano kubectl edit -n kube-system deploy/coredns"));
        assertEquals("Edit cancelled, no changes made.\n", run(s, "kubectl edit -n kube-system deploy/coredns"));
        run(s, "export EDITOR=vim");
        run(s, "kubectl edit -n kube-system deploy/coredns");
        run(s, "KUBE_EDITOR='code --wait' EDITOR=ed kubectl edit -n kube-system deploy/coredns");
        assertEquals("[]\n", run(s, "echo \"[$KUBE_EDITOR]\""));

        assertEquals(List.of("nano -", "- -", "- vim", "code --wait ed"), editor.opened());
    }
}
