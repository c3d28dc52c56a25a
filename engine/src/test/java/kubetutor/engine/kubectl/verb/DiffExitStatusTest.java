package kubetutor.engine.kubectl.verb;

import kubetutor.engine.sim.Pacer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** kubectl diff's exit status, which scripts test: 0 same, 1 different, 2 for an error (CheckDiffErr). */
class DiffExitStatusTest {
    @TempDir
    Path ws;

    private int status(Shell shell, String command) {
        return shell.session.execute(command, o -> { }, Pacer.IMMEDIATE);
    }

    @Test
    void zeroWhenLiveMatchesOneWhenNotTwoOnError() throws IOException {
        Files.writeString(ws.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"1\"\n");
        Shell shell = new Shell(ws);
        assertEquals(1, status(shell, "kubectl diff -f cm.yaml"));
        assertEquals(0, status(shell, "kubectl apply -f cm.yaml"));
        assertEquals(0, status(shell, "kubectl diff -f cm.yaml"));
        Files.writeString(ws.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: \"2\"\n");
        assertEquals(1, status(shell, "kubectl diff -f cm.yaml"));
        assertEquals(2, status(shell, "kubectl diff"));
    }
}
