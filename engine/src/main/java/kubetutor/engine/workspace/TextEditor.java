package kubetutor.engine.workspace;

import java.util.Map;

/**
 * The learner's text editor, as {@code kubectl edit} opens it: kubectl writes the object to a new
 * temporary file, runs $KUBE_EDITOR (else $EDITOR, else vi) on it and reads the file back once the
 * editor exits. The engine starts no process, so this is a seam each front end fills: the shell
 * opens the editor on its terminal, batch mode too, and the Jupyter kernel, which has no terminal,
 * refuses. What an edit gave back is an input to the simulation, like a file a command read: the
 * session's journal keeps it, so a snapshot replays the same edit.
 */
public interface TextEditor {

    /**
     * Writes {@code text} to a new temporary file named {@code prefix}, something random, then
     * {@code suffix} (as Go's os.CreateTemp names it), opens the editor on it and waits for it.
     */
    Outcome edit(String prefix, String suffix, String text);

    /**
     * This editor as kubectl finds it with {@code environment} ($KUBE_EDITOR, $EDITOR: the session's
     * exported variables and a {@code KUBE_EDITOR=vi kubectl edit ...} prefix) over the front end's
     * own. An editor that runs no program ignores them.
     */
    default TextEditor under(Map<String, String> environment) {
        return this;
    }

    /** kubectl deletes a temporary file once it is done with it, and keeps the ones it reports. */
    void remove(String path);

    /** What came back from one opening of the editor. */
    sealed interface Outcome permits Saved, Failed {}

    /** The editor exited normally: where the file is, and what it holds now. */
    record Saved(String path, String text) implements Outcome {}

    /**
     * No edit happened: kubectl's words for why, without its "error: " (e.g. {@code there was a
     * problem with the editor "vi"}), or the front end's for why it has no editor.
     */
    record Failed(String message) implements Outcome {}

    /** A front end without an editor: every edit fails with {@code message}. */
    static TextEditor refusing(String message) {
        return new TextEditor() {
            @Override
            public Outcome edit(String prefix, String suffix, String text) {
                return new Failed(message);
            }

            @Override
            public void remove(String path) {
                // no file was ever written
            }
        };
    }

    /** What a session edits with until its front end says otherwise. */
    TextEditor NONE = refusing("no editor is available here; write the object to a file and use 'kubectl apply -f FILE'");
}
