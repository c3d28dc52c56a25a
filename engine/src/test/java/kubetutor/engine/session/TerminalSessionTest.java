package kubetutor.engine.session;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.sim.Pacer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learner's terminal across what transcripts cannot show: Ctrl-C, load, and the files on the
 * host (the tutor's home inside the workspace, never the host's own ~/.kube/config).
 */
class TerminalSessionTest {
    @TempDir
    Path work;

    private static String run(Session s, String text) {
        return run(s, text, Pacer.IMMEDIATE);
    }

    private static String run(Session s, String text, Pacer pacer) {
        StringBuilder out = new StringBuilder();
        s.execute(text, o -> out.append(PlainText.render(o)), pacer);
        return out.toString();
    }

    @Test
    void portForwardHoldsTheTerminalUntilCtrlCAndItsPortClosesWithIt() throws IOException {
        Session s = new Session(SessionOptions.defaults(work));
        run(s, "kubectl run web --image=nginx\nsleep 10");
        String before = run(s, "clock");
        assertEquals("Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n",
                run(s, "kubectl port-forward web 8080:80", new SnapshotReplayTest.CtrlC(30)));
        String stopped = run(s, "clock");
        assertNotEquals(before, stopped, "the terminal was held while simulated time went by, until Ctrl-C");
        assertTrue(run(s, "curl localhost:8080").startsWith("curl: (7) Failed to connect to localhost port 8080"));
        run(s, "kubectl port-forward web 8080:80 &", new SnapshotReplayTest.CtrlC(30));
        assertEquals(stopped, run(s, "clock"), "& holds nothing");
        assertTrue(run(s, "curl localhost:8080").contains("Welcome to nginx!"));
    }

    @Test
    void loadPutsBackTheVariablesAndTheKubeconfigTheSnapshotWasSavedWith() throws Exception {
        Session s = new Session(SessionOptions.defaults(work));
        run(s, "kubectl run web --image=nginx\nPOD=$(kubectl get pods -o name)");
        Files.writeString(work.resolve("names.txt"), "web\nweb-2\ndb\n");
        run(s, "N=$(grep -c web names.txt)"); // the journal keeps the file as grep read it
        Path config = work.resolve("root/.kube/config");
        run(s, "cat ~/.kube/config > /dev/null"); // ~ makes the home
        Files.writeString(config, Files.readString(config).replace("    user: kubernetes-admin\n",
                "    namespace: kube-system\n    user: kubernetes-admin\n"));
        run(s, "kubectl get pods -o name > /dev/null"); // kubectl reads the edited file: the journal keeps what it read
        run(s, "save snap.yaml");
        run(s, "POD=changed\nkubectl config set-context --current --namespace=default");
        assertEquals("default", s.namespace());
        assertEquals("Restored the session from snap.yaml; the simulated time is Mon Jan  5 09:00:00 UTC 2026.\n",
                run(s, "load snap.yaml"));
        Files.writeString(work.resolve("names.txt"), "changed since\n");
        assertEquals("Restored the session from snap.yaml; the simulated time is Mon Jan  5 09:00:00 UTC 2026.\n",
                run(s, "load snap.yaml"));
        assertEquals("pod/web 2\n", run(s, "echo $POD $N"));
        assertEquals("kube-system", s.namespace());
        assertTrue(Files.readString(config).contains("    namespace: kube-system\n"));
    }

    @Test
    void theHomeIsMadeOnlyWhenUsedAndNeverOutsideTheWorkspace() throws IOException {
        Session s = new Session(SessionOptions.defaults(work));
        run(s, "kubectl get nodes\nls");
        assertFalse(Files.exists(work.resolve("root")), "a session that never names ~ leaves the workspace as it was");
        assertEquals("/root\n", run(s, "cd\npwd"));
        assertTrue(Files.isRegularFile(work.resolve("root/.kube/config")));
        assertEquals("", run(s, "mkdir -p ../../../../etc/x\ncp ~/.kube/config /tmp-copy"));
        assertTrue(Files.isDirectory(work.resolve("etc/x")), "\"..\" stops at the workspace's top");
        assertTrue(Files.isRegularFile(work.resolve("tmp-copy")));
    }
}
