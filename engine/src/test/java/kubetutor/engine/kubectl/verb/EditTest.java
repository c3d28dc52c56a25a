package kubetutor.engine.kubectl.verb;

import kubetutor.engine.snapshot.SnapshotFormat;
import kubetutor.engine.workspace.TextEditor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static kubetutor.engine.kubectl.verb.ScriptedEditor.replace;
import static kubetutor.engine.kubectl.verb.ScriptedEditor.unchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kubectl edit with a scripted learner at the editor: what kubectl prints, and what it writes into the file. */
class EditTest {
    private static final String HEADER = """
            # Please edit the object below. Lines beginning with a '#' will be ignored,
            # and an empty file will abort the edit. If an error occurs while saving this file will be
            # reopened with the relevant failures.
            #
            """;

    @TempDir
    Path work;
    Shell shell;

    @BeforeEach
    void start() {
        shell = new Shell(work);
        shell.run("""
                cat <<EOF > web.yaml
                apiVersion: v1
                kind: ReplicationController
                metadata:
                  name: web
                spec:
                  replicas: 2
                  selector:
                    app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                      - name: nginx
                        image: nginx
                EOF""");
        shell.run("kubectl create -f web.yaml");
    }

    private ScriptedEditor editing(ScriptedEditor editor) {
        shell.session.useEditor(editor);
        return editor;
    }

    private static String beforeStatus(String yaml) {
        return yaml.substring(0, yaml.indexOf("\nstatus:"));
    }

    private String replicas() {
        return shell.run("kubectl get rc web -o jsonpath='{.spec.replicas}'");
    }

    @Test
    void aChangeGoesToTheServer() {
        ScriptedEditor editor = editing(new ScriptedEditor(replace("replicas: 2", "replicas: 3")));
        assertEquals("replicationcontroller/web edited\n", shell.run("kubectl edit rc/web"));
        assertEquals("3", replicas());
        // The controller has written a new status since: compare what comes before it.
        String shown = beforeStatus(editor.shown.get(0));
        assertEquals(HEADER + beforeStatus(shell.run("kubectl get rc web -o yaml")).replace("replicas: 3", "replicas: 2")
                .replaceAll("resourceVersion: \"\\d+\"", "RV").replaceAll("generation: \\d+", "G"),
                shown.replaceAll("resourceVersion: \"\\d+\"", "RV").replaceAll("generation: \\d+", "G"),
                "the object as YAML under kubectl's header");
        assertEquals(List.of("/tmp/kubectl-edit-1.yaml"), editor.removed);
    }

    @Test
    void typeAndNameAsTwoWordsAndOutputYaml() {
        editing(new ScriptedEditor(replace("replicas: 2", "replicas: 4")));
        String out = shell.run("kubectl edit rc web -o yaml");
        assertTrue(out.startsWith("apiVersion: v1\nkind: ReplicationController\n") && out.contains("\n  replicas: 4\n"), out);
        assertEquals("4", replicas());
    }

    /** kubectl writes the file with -o's printer, which knows only JSON and YAML: it stops before the editor. */
    @Test
    void outputOtherThanJsonOrYamlCannotWriteTheFile() {
        ScriptedEditor editor = editing(new ScriptedEditor());
        assertEquals("error: unable to match a printer suitable for the output format \"name\", allowed formats are: json,yaml\n",
                shell.run("kubectl edit rc web -o name"));
        assertEquals(List.of(), editor.shown);
    }

    @Test
    void savingUnchangedCancels() {
        ScriptedEditor editor = editing(new ScriptedEditor(unchanged()));
        assertEquals("Edit cancelled, no changes made.\n", shell.run("kubectl edit rc/web"));
        assertEquals(List.of("/tmp/kubectl-edit-1.yaml"), editor.removed);
        // Comments and layout do not count as changes.
        editing(new ScriptedEditor(text -> "# mine\n" + text.replace("replicas: 2", "replicas:    2")));
        assertEquals("Edit cancelled, no changes made.\n", shell.run("kubectl edit rc/web"));
    }

    @Test
    void aSyntaxErrorReopensTheFileWithTheErrorOnTop() {
        ScriptedEditor editor = editing(new ScriptedEditor(
                replace("\nspec:\n  replicas: 2", "\nspec\n  replicas: 2"),
                replace("\nspec\n  replicas: 2", "\nspec:\n  replicas: 5")));
        assertEquals("error: replicationcontrollers \"web\" is invalid\nreplicationcontroller/web edited\n",
                shell.run("kubectl edit rc/web"));
        assertEquals("5", replicas());
        String broken = editor.shown.get(0).replace("\nspec:\n  replicas: 2", "\nspec\n  replicas: 2");
        String again = editor.shown.get(1);
        String reason = again.substring(HEADER.length(), again.indexOf("apiVersion: v1"));
        assertTrue(reason.matches("""
                # replicationcontrollers "web" was not valid:
                # \\* <nil>: Invalid value: "The edited file failed validation": error converting YAML to JSON: yaml: line \\d+: could not find expected ':'
                #
                """), reason);
        assertEquals(HEADER + reason + broken.substring(HEADER.length()), again, "the file as saved, under the new header");
        assertEquals(List.of("/tmp/kubectl-edit-1.yaml", "/tmp/kubectl-edit-2.yaml"), editor.removed);
    }

    @Test
    void savingUnchangedAfterAnErrorGivesUpAndKeepsTheFile() {
        ScriptedEditor editor = editing(new ScriptedEditor(replace("kind: ReplicationController\n", "kind ReplicationController\n"),
                unchanged()));
        assertEquals("""
                error: replicationcontrollers "web" is invalid
                A copy of your changes has been stored to "/tmp/kubectl-edit-2.yaml"
                error: Edit cancelled, no valid changes were saved.
                """, shell.run("kubectl edit rc/web"));
        assertEquals(List.of(), editor.removed, "the first file goes only once a later one is saved with changes");
        assertEquals("2", replicas());
    }

    @Test
    void aChangeTheServerRejectsReopensWithItsCauses() {
        ScriptedEditor editor = editing(new ScriptedEditor(replace("replicas: 2", "replicas: -1"),
                replace("replicas: -1", "replicas: 1")));
        assertEquals("error: replicationcontrollers \"web\" is invalid\nreplicationcontroller/web edited\n",
                shell.run("kubectl edit rc/web"));
        String again = editor.shown.get(1);
        assertTrue(again.startsWith(HEADER + """
                # replicationcontrollers "web" was not valid:
                # * spec.replicas: Invalid value: -1: must be greater than or equal to 0
                #
                apiVersion: v1
                """), again);
        assertEquals("1", replicas());
    }

    @Test
    void apiVersionKindAndNameMayNotChange() {
        editing(new ScriptedEditor(replace("  name: web\n  namespace", "  name: web2\n  namespace")));
        assertEquals("""
                A copy of your changes has been stored to "/tmp/kubectl-edit-1.yaml"
                error: At least one of apiVersion, kind and name was changed
                """, shell.run("kubectl edit rc/web"));
    }

    @Test
    void anotherNamespaceIsRefused() {
        editing(new ScriptedEditor(replace("namespace: default", "namespace: kube-system")));
        assertEquals("""
                A copy of your changes has been stored to "/tmp/kubectl-edit-1.yaml"
                error: the namespace from the provided object "kube-system" does not match the namespace "default". You must pass '--namespace=kube-system' to perform this operation.
                """, shell.run("kubectl edit rc/web"));
    }

    @Test
    void jsonHasNoHeader() {
        ScriptedEditor editor = editing(new ScriptedEditor(replace("\"replicas\": 2", "\"replicas\": 6")));
        String out = shell.run("kubectl edit rc/web -o json");
        assertTrue(editor.shown.get(0).startsWith("{\n    \"apiVersion\": \"v1\","), editor.shown.get(0));
        assertTrue(out.startsWith("{\n") && out.contains("\"replicas\": 6"), out);
        assertEquals("6", replicas());
    }

    @Test
    void severalObjectsAreOneList() {
        shell.run("kubectl create deployment api --image=nginx");
        ScriptedEditor editor = editing(new ScriptedEditor(replace("    replicas: 2", "    replicas: 7")));
        assertEquals("replicationcontroller/web edited\ndeployment.apps/api skipped\n",
                shell.run("kubectl edit rc/web deployment/api"));
        String shown = editor.shown.get(0);
        assertTrue(shown.startsWith(HEADER + "apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: ReplicationController\n"), shown);
        assertTrue(shown.endsWith("kind: List\nmetadata: {}\n"), shown);
        assertEquals("7", replicas());
    }

    @Test
    void whatKubectlSaysBeforeOpeningAnything() {
        editing(new ScriptedEditor());
        assertEquals("Error from server (NotFound): replicationcontrollers \"nope\" not found\n", shell.run("kubectl edit rc/nope"));
        assertEquals("""
                error: You must provide one or more resources by argument or filename.
                Example resource specifications include:
                   '-f rsrc.yaml'
                   '--filename=rsrc.json'
                   '<resource> <name>'
                   '<resource>'
                """, shell.run("kubectl edit"));
        assertEquals("error: edit cancelled, no objects found\n", shell.run("kubectl edit deployments"));
    }

    @Test
    void anEditorThatFailsOrIsMissingEndsTheEdit() {
        shell.session.useEditor(TextEditor.refusing("there was a problem with the editor \"false\""));
        assertEquals("error: there was a problem with the editor \"false\"\n", shell.run("kubectl edit rc/web"));
        shell.session.useEditor(TextEditor.NONE);
        assertEquals("error: no editor is available here; write the object to a file and use 'kubectl apply -f FILE'\n",
                shell.run("kubectl edit rc/web"));
    }

    /** A snapshot replays an edit from the journal, where the edited text was kept: no editor opens. */
    @Test
    void aSnapshotReplaysTheEditedText() throws Exception {
        editing(new ScriptedEditor(replace("replicas: 2", "replicas: 3")));
        shell.run("kubectl edit rc/web");
        String saved = SnapshotFormat.write(shell.session.snapshot());
        assertTrue(saved.contains("edits:"), saved);
        Shell other = new Shell(work);
        other.session.restore(SnapshotFormat.read(saved));
        assertEquals("3", other.run("kubectl get rc web -o jsonpath='{.spec.replicas}'"));
    }
}
