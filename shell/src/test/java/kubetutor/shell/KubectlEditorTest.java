package kubetutor.shell;

import kubetutor.engine.workspace.TextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl edit's editor as kubectl finds and starts it, with the program stood in for. */
class KubectlEditorTest {
    @TempDir
    Path tmp;

    @Test
    void whichEditorAndHowItIsStarted() {
        record Case(Map<String, String> env, KubectlEditor.Command expected) {}
        List<Case> cases = List.of(
                new Case(Map.of(), new KubectlEditor.Command(List.of("vi"), false)),
                new Case(Map.of("EDITOR", "nano"), new KubectlEditor.Command(List.of("nano"), false)),
                new Case(Map.of("EDITOR", "nano", "KUBE_EDITOR", "vim"), new KubectlEditor.Command(List.of("vim"), false)),
                new Case(Map.of("KUBE_EDITOR", "", "EDITOR", "nano"), new KubectlEditor.Command(List.of("nano"), false)),
                new Case(Map.of("EDITOR", "code --wait"), new KubectlEditor.Command(List.of("code", "--wait"), false)),
                new Case(Map.of("EDITOR", "emacs -nw 'x y'", "SHELL", "/bin/zsh"),
                        new KubectlEditor.Command(List.of("/bin/zsh", "-c", "emacs -nw 'x y'"), true)),
                new Case(Map.of("EDITOR", "vim \"-n\""), new KubectlEditor.Command(List.of("/bin/bash", "-c", "vim \"-n\""), true)));
        for (Case c : cases) {
            assertEquals(c.expected(), KubectlEditor.command(c.env()), c.env().toString());
        }
    }

    @Test
    void theFileIsATemporaryFileTheEditorChanges() {
        List<List<String>> ran = new ArrayList<>();
        KubectlEditor editor = new KubectlEditor(Map.of("TMPDIR", tmp.toString(), "KUBE_EDITOR", "ed -s"), (command, dir) -> {
            ran.add(command);
            Path file = Path.of(command.get(command.size() - 1));
            Files.writeString(file, Files.readString(file).replace("2", "3"));
            return 0;
        }, () -> tmp);
        TextEditor.Saved saved = (TextEditor.Saved) editor.edit("kubectl-edit-", ".yaml", "replicas: 2\n");
        assertEquals("replicas: 3\n", saved.text());
        assertTrue(saved.path().matches(java.util.regex.Pattern.quote(tmp.toString()) + "/kubectl-edit-\\d+\\.yaml"), saved.path());
        assertEquals(List.of("ed", "-s", saved.path()), ran.get(0));
        editor.remove(saved.path());
        assertFalse(Files.exists(Path.of(saved.path())));
    }

    @Test
    void theSessionsVariablesComeBeforeTheProcesssOwn() {
        List<List<String>> ran = new ArrayList<>();
        KubectlEditor editor = new KubectlEditor(Map.of("TMPDIR", tmp.toString(), "KUBE_EDITOR", "vim"), (command, dir) -> {
            ran.add(command.subList(0, command.size() - 1));
            return 0;
        }, () -> tmp);
        editor.under(Map.of("KUBE_EDITOR", "nano")).edit("kubectl-edit-", ".yaml", "a: 1\n");
        editor.under(Map.of("KUBE_EDITOR", "", "EDITOR", "ed -s")).edit("kubectl-edit-", ".yaml", "a: 1\n");
        editor.edit("kubectl-edit-", ".yaml", "a: 1\n");
        assertEquals(List.of(List.of("nano"), List.of("ed", "-s"), List.of("vim")), ran);
    }

    @Test
    void throughTheShellThePathIsQuotedOntoTheCommandLine() {
        List<List<String>> ran = new ArrayList<>();
        KubectlEditor editor = new KubectlEditor(Map.of("TMPDIR", tmp.toString(), "EDITOR", "vim -c 'set nu'", "SHELL", "/bin/sh"),
                (command, dir) -> {
                    ran.add(command);
                    return 0;
                }, () -> tmp);
        TextEditor.Saved saved = (TextEditor.Saved) editor.edit("kubectl-edit-", ".json", "{}");
        assertEquals(List.of("/bin/sh", "-c", "vim -c 'set nu' \"" + saved.path() + "\""), ran.get(0));
    }

    @Test
    void anEditorThatFailsOrCannotStartIsKubectlsError() {
        KubectlEditor failing = new KubectlEditor(Map.of("TMPDIR", tmp.toString(), "EDITOR", "false"), (c, d) -> 1, () -> tmp);
        assertEquals(new TextEditor.Failed("there was a problem with the editor \"false\""), failing.edit("kubectl-edit-", ".yaml", "x"));
        KubectlEditor missing = new KubectlEditor(Map.of("TMPDIR", tmp.toString(), "EDITOR", "nosuch --flag"), (c, d) -> {
            throw new IOException("Cannot run program \"nosuch\"");
        }, () -> tmp);
        assertEquals(new TextEditor.Failed("unable to launch the editor \"nosuch --flag\""), missing.edit("kubectl-edit-", ".yaml", "x"));
    }
}
