package kubetutor.engine.session;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.workspace.TextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The engine's boundary: a command on which kubetutor itself fails (here, an editor that throws)
 * prints one line without Java in it, fails, and leaves the state as the command found it, even
 * when it had already moved the clock; the session goes on.
 */
class BoundaryTest {
    @TempDir
    Path work;

    private String run(Session s, String command, int[] status) {
        StringBuilder out = new StringBuilder();
        status[0] = s.execute(command, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return out.toString();
    }

    private void failingEditor(Session s, Supplier<Throwable> failure) {
        s.useEditor(new TextEditor() {
            @Override
            public Outcome edit(String prefix, String suffix, String text) {
                Throwable t = failure.get();
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                throw (Error) t;
            }

            @Override
            public void remove(String path) {}
        });
    }

    @Test
    void aFailureInsideACommandIsOneLineAndTheStateGoesBack() throws IOException {
        Session s = new Session(new SessionOptions(1, null, work));
        int[] status = new int[1];
        run(s, "kubectl run web --image=nginx", status);
        String before = run(s, "kubectl get pods; clock", status);
        failingEditor(s, () -> new IllegalStateException("boom"));
        // The substitution moves the clock a minute before the edit fails.
        String out = run(s, "echo $(sleep 60) $(kubectl edit pod web)", status);
        assertEquals("error: kubetutor failed on this command (a bug in the simulator, not in what you typed);"
                + " the cluster is as it was before it\n", out);
        assertEquals(1, status[0]);
        assertEquals(before, run(s, "kubectl get pods; clock", status));
        assertEquals(0, status[0]);
    }

    @Test
    void aStackOverflowSaysTheCommandNestsTooDeeply() throws IOException {
        Session s = new Session(new SessionOptions(1, null, work));
        int[] status = new int[1];
        run(s, "kubectl run web --image=nginx", status);
        failingEditor(s, StackOverflowError::new);
        String out = run(s, "kubectl edit pod web", status);
        assertEquals("error: this command nests too deeply for kubetutor to follow; the cluster is as it was before it\n", out);
        assertFalse(out.contains("java"));
        assertEquals(1, status[0]);
    }

    @Test
    void commandsThatTakeNoOperandRefuseOne() throws IOException {
        Session s = new Session(new SessionOptions(1, null, work));
        int[] status = new int[1];
        run(s, "kubectl run web --image=nginx", status);
        assertEquals("reset: extra operand 'extra' (see 'help reset')\n", run(s, "reset extra", status));
        assertEquals(1, status[0]);
        assertEquals("pod/web\n", run(s, "kubectl get pods -o name", status)); // no reset happened
    }
}
