package kubetutor.engine.container.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** kubectl exec -it POD -- sh, one line at a time. */
class InteractiveShellTest {
    private final FakeHost host = new FakeHost();
    private final InteractiveShell sh = InteractiveShell.open(host);

    @Test
    void stateAndPromptPersistBetweenLines() {
        assertEquals("/ # ", sh.prompt());
        assertEquals(new Step.WaitingForInput(), sh.feed("X=42; cd /tmp"));
        assertEquals("/tmp # ", sh.prompt());
        sh.feed("echo $X; pwd");
        sh.feed("cd");
        assertEquals("~ # ", sh.prompt());
        sh.feed("cd /nope");
        assertEquals(2, sh.lastStatus());
        assertEquals("42\n/tmp\n", host.out.toString());
        assertEquals("sh: cd: can't cd to /nope: No such file or directory\n", host.err.toString());
    }

    @Test
    void unfinishedLinesWaitForMore() {
        assertEquals(new Step.WaitingForInput(), sh.feed("for i in 1 2; do"));
        assertEquals("> ", sh.prompt());
        sh.feed("echo $i");
        sh.feed("done");
        assertEquals("/ # ", sh.prompt());
        assertEquals("1\n2\n", host.out.toString());
    }

    @Test
    void sleepHandsControlBackAndExitEndsTheSession() {
        assertEquals(new Step.Sleep(Duration.ofSeconds(3)), sh.feed("sleep 3; echo woke"));
        assertEquals(new Step.WaitingForInput(), sh.resume());
        assertEquals("woke\n", host.out.toString());
        sh.feed("done");
        assertEquals("sh: syntax error: unexpected \"done\"\n", host.err.toString());
        assertEquals(new Step.Exited(5), sh.feed("exit 5"));
    }
}
