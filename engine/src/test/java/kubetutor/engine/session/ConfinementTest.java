package kubetutor.engine.session;

import kubetutor.engine.output.PlainText;
import kubetutor.engine.sim.Pacer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workspace is a file system of its own: "/" is its top, ".." stops there, and links out of it lead nowhere. */
class ConfinementTest {
    @TempDir
    Path host;
    private Path work;
    private Path outside;
    private Session session;

    @BeforeEach
    void start() throws IOException {
        work = Files.createDirectories(host.resolve("work"));
        outside = Files.createDirectories(host.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "s3cr3t\n");
        Files.createDirectories(work.resolve("sub"));
        Files.writeString(work.resolve("pod.yaml"), "apiVersion: v1\n");
        Files.createSymbolicLink(work.resolve("out"), outside);
        session = new Session(new SessionOptions(1, null, work));
    }

    private String run(String command) {
        StringBuilder out = new StringBuilder();
        session.execute(command, o -> out.append(PlainText.render(o)), Pacer.IMMEDIATE);
        return out.toString();
    }

    @Test
    void absoluteNamesAreTheWorkspacesOwn() {
        assertEquals("cat: /etc/shadow: No such file or directory\n", run("cat /etc/shadow"));
        assertEquals("apiVersion: v1\n", run("cat /pod.yaml"));
        assertEquals("out/\npod.yaml\nsub/\n", run("ls /"));
        run("cd /sub");
        assertEquals("/sub\n", run("pwd"));
        run("cd /");
        assertEquals("/\n", run("pwd"));
    }

    @Test
    void dotDotStopsAtTheTop() {
        run("cd ../../..");
        assertEquals("/\n", run("pwd"));
        run("kubectl get ns -o name > ../../x");
        assertTrue(Files.exists(work.resolve("x")));
        assertFalse(Files.exists(host.resolve("x")));
        assertEquals("Saved the session to ../snap.yaml.\n", run("save ../snap.yaml"));
        assertTrue(Files.exists(work.resolve("snap.yaml")));
    }

    @Test
    void aLinkOutOfTheWorkspaceLeadsNowhere() {
        assertEquals("cat: out/secret: No such file or directory\n", run("cat out/secret"));
        assertEquals("error: the path \"out/secret\" does not exist\n", run("kubectl apply -f out/secret"));
        assertEquals("error: error reading --template out/secret, open out/secret: no such file or directory\n",
                run("kubectl get ns -o jsonpath-file=out/secret"));
        assertEquals("sh: can't create out/x: nonexistent directory\n", run("echo hi > out/x"));
        assertEquals("save: can't create out/s.yaml: No such file or directory\n", run("save out/s.yaml"));
        assertEquals("sh: cd: can't cd to out: No such file or directory\n", run("cd out"));
        assertFalse(Files.exists(outside.resolve("x")));
        assertFalse(Files.exists(outside.resolve("s.yaml")));
    }
}
