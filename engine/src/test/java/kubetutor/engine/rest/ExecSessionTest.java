package kubetutor.engine.rest;

import kubetutor.engine.api.ApiException;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** pods/exec and pods/attach as serve's streams drive them: the session's clock paces the command. */
class ExecSessionTest {
    @TempDir
    Path dir;

    /** What came back on the stream's channels, in order, as "1:text", "2:text" and "exit:N". */
    private final List<String> stream = new ArrayList<>();
    private final ExecSession.Sink sink = new ExecSession.Sink() {
        @Override
        public void stdout(String text) {
            stream.add("1:" + text);
        }

        @Override
        public void stderr(String text) {
            stream.add("2:" + text);
        }

        @Override
        public void exited(int code) {
            stream.add("exit:" + code);
        }
    };

    private Session running(String command) throws Exception {
        Session s = new Session(SessionOptions.defaults(dir));
        s.execute(command, o -> { }, Pacer.IMMEDIATE);
        s.execute("sleep 30", o -> { }, Pacer.IMMEDIATE);
        return s;
    }

    private static RestRequest exec(String pod, Map<String, List<String>> query) {
        return new RestRequest("GET", "/api/v1/namespaces/default/pods/" + pod + "/exec", query, "", "", "");
    }

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            q.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return q;
    }

    @Test
    void aCommandPrintsAtOnceThenWaitsForTheClockThroughItsSleep() throws Exception {
        Session s = running("kubectl run box --image=busybox -- sleep 3600");
        ExecSession.start(s.cluster(), exec("box", query("command", "sh", "command", "-c",
                "command", "echo before; echo oops >&2; sleep 10; echo after; exit 3", "stdout", "true", "stderr", "true")), sink);
        assertEquals(List.of("1:before\n", "2:oops\n"), stream);
        s.execute("sleep 9", o -> { }, Pacer.IMMEDIATE);
        assertEquals(2, stream.size(), "nine seconds into a ten-second sleep");
        s.execute("sleep 1", o -> { }, Pacer.IMMEDIATE);
        assertEquals(List.of("1:before\n", "2:oops\n", "1:after\n", "exit:3"), stream);
    }

    @Test
    void aShellOnATerminalEchoesKeysAndRunsEachLine() throws Exception {
        Session s = running("kubectl run box --image=busybox -- sleep 3600");
        ExecSession e = ExecSession.start(s.cluster(), exec("box", query("command", "sh", "stdin", "true", "tty", "true")), sink);
        e.input("cd /tmpx\u007f\r");
        e.input("echo $((6*7))\r");
        e.input("\u0004");
        assertEquals("/ # cd /tmpx\b \b\r\n/tmp # echo $((6*7))\r\n42\r\n/tmp # exit:0", String.join("", stream).replace("1:", ""));
    }

    @Test
    void keysTypedWhileACommandRunsAreEchoedAtOnceAndReadWhenThePromptComesBack() throws Exception {
        Session s = running("kubectl run box --image=busybox -- sleep 3600");
        ExecSession e = ExecSession.start(s.cluster(), exec("box", query("command", "sh", "stdin", "true", "tty", "true")), sink);
        e.input("sleep 5\r");
        e.input("echo a");
        e.input("b\r");
        e.input("pw");
        assertEquals("/ # sleep 5\r\necho ab\r\npw", String.join("", stream).replace("1:", ""), "the tty echoes in cooked mode");
        s.execute("sleep 5", o -> { }, Pacer.IMMEDIATE);
        e.input("d\r");
        assertEquals("/ # sleep 5\r\necho ab\r\npw/ # echo ab\r\nab\r\n/ # pwd\r\n/\r\n/ # ",
                String.join("", stream).replace("1:", ""));
    }

    @Test
    void ctrlCThrowsAwayWhatWasTypedAhead() throws Exception {
        Session s = running("kubectl run box --image=busybox -- sleep 3600");
        ExecSession e = ExecSession.start(s.cluster(), exec("box", query("command", "sh", "stdin", "true", "tty", "true")), sink);
        e.input("sleep 50\r");
        e.input("touch /tmp/x\r");
        e.input("\u0003");
        s.execute("sleep 60", o -> { }, Pacer.IMMEDIATE);
        e.input("ls /tmp\r");
        assertEquals("/ # sleep 50\r\ntouch /tmp/x\r\n^C\r\n/ # ls /tmp\r\n/ # ", String.join("", stream).replace("1:", ""));
    }

    @Test
    void aScriptOnStandardInputRunsWhenItEnds() throws Exception {
        Session s = running("kubectl run box --image=busybox -- sleep 3600");
        ExecSession e = ExecSession.start(s.cluster(), exec("box", query("command", "sh", "stdin", "true")), sink);
        e.input("echo one\n");
        e.input("echo two\n");
        assertEquals(List.of(), stream);
        e.inputClosed();
        assertEquals(List.of("1:one\n", "1:two\n", "exit:0"), stream);
    }

    @Test
    void noRunningContainerIsTheKubeletsRefusal() throws Exception {
        Session s = new Session(SessionOptions.defaults(dir));
        s.execute("kubectl run box --image=busybox -- sleep 3600", o -> { }, Pacer.IMMEDIATE);
        assertEquals("container not found (\"box\")", assertThrows(StreamTarget.KubeletRefusal.class,
                () -> ExecSession.start(s.cluster(), exec("box", query("command", "ls")), sink)).getMessage());
        assertEquals("pods \"nosuch\" not found", assertThrows(ApiException.class,
                () -> ExecSession.start(s.cluster(), exec("nosuch", query("command", "ls")), sink)).getMessage());
    }

    @Test
    void attachSendsWhatIsPrintedFromNowOnAndEndsWithTheContainer() throws Exception {
        Session s = running("kubectl run ticker --image=busybox --restart=Never -- sh -c 'echo first; sleep 40; echo second; sleep 5'");
        AttachSession a = AttachSession.start(s.cluster(), new RestRequest("GET", "/api/v1/namespaces/default/pods/ticker/attach",
                query("stdout", "true"), "", "", ""), sink);
        s.execute("sleep 5", o -> { }, Pacer.IMMEDIATE);
        a.poll();
        assertEquals(List.of(), stream, "first came before the attach");
        s.execute("sleep 40", o -> { }, Pacer.IMMEDIATE);
        a.poll();
        assertEquals(List.of("1:second\n", "exit:0"), stream);
    }
}
