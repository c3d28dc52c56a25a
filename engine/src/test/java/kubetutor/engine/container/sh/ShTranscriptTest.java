package kubetutor.engine.container.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import kubetutor.engine.kubelet.ExecResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scripts run with {@code sh -c}: what they print on stdout and stderr, and their exit status. */
class ShTranscriptTest {

    static Stream<Arguments> transcripts() {
        return Stream.of(
                // script, stdout, stderr, status
                t("echo hello world", "hello world\n", "", 0),
                t("echo -n a; echo b", "ab\n", "", 0),
                t("echo -e 'a\\tb\\nc'", "a\tb\nc\n", "", 0),
                t("X=1; echo \"x=$X\" '$X' ${X}y", "x=1 $X 1y\n", "", 0),
                t("echo \"a\\\"b\" a\\ b", "a\"b a b\n", "", 0),
                t("false; echo $?; true; echo $?", "1\n0\n", "", 0),
                t("echo $$ $HOSTNAME", "7 liveness-exec\n", "", 0),
                t("X=a sh -c 'echo $X'; echo \"[$X]\"", "a\n[]\n", "", 0),
                t("export Y=2; sh -c 'echo $Y'", "2\n", "", 0),
                t("true && echo yes || echo no; false && echo yes || echo no", "yes\nno\n", "", 0),
                t("! false && echo negated", "negated\n", "", 0),
                t("echo $((1 + 2 * 3)) $((7 / 2)) $((7 % 3)) $((2 > 1)) $(( (1+2)*3 ))", "7 3 1 1 9\n", "", 0),
                t("i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done", "0\n1\n2\n", "", 0),
                t("i=0; until [ $i -ge 2 ]; do i=$((i+1)); done; echo $i", "2\n", "", 0),
                t("for x in a b c; do echo $x; done", "a\nb\nc\n", "", 0),
                t("for x in 1 2 3 4; do if [ $x = 2 ]; then continue; fi; if [ $x = 4 ]; then break; fi; echo $x; done",
                        "1\n3\n", "", 0),
                t("if false; then echo a; elif true; then echo b; else echo c; fi", "b\n", "", 0),
                t("if [ -f /etc/hostname ]; then cat /etc/hostname; fi", "liveness-exec\n", "", 0),
                t("{ echo one; echo two; } > /tmp/f; cat /tmp/f; wc -l < /tmp/f", "one\ntwo\n2\n", "", 0),
                t("echo a >> /tmp/g; echo b >> /tmp/g; cat /tmp/g | grep b", "b\n", "", 0),
                t("printf '%s-%d\\n' a 1 b 2", "a-1\nb-2\n", "", 0),
                t("H=$(hostname); echo \"host is $H\"; echo `echo back`", "host is liveness-exec\nback\n", "", 0),
                t("cat /tmp/healthy", "", "cat: can't open '/tmp/healthy': No such file or directory\n", 1),
                t("rm x", "", "rm: can't remove 'x': No such file or directory\n", 1),
                t("rm -f x; echo $?", "0\n", "", 0),
                t("ls /nope", "", "ls: /nope: No such file or directory\n", 1),
                t("mkdir -p /a/b/c && touch /a/b/c/f && ls /a/b/c && rm -rf /a && ls /a",
                        "f\n", "ls: /a: No such file or directory\n", 1),
                t("mkdir /tmp", "", "mkdir: can't create directory '/tmp': File exists\n", 1),
                t("nosuchcmd; echo $?", "127\n", "sh: nosuchcmd: not found\n", 0),
                t("echo hi >/dev/null; ls /nope 2>/dev/null; echo $?", "1\n", "", 0),
                t("ls /nope 2>&1 | grep -c nope", "1\n", "", 0),
                t("cd /tmp && pwd; cd /nope; echo $?", "/tmp\n2\n",
                        "sh: cd: line 1: can't cd to /nope: No such file or directory\n", 0),
                t("exit 3; echo never", "", "", 3),
                t("while true; do echo x; done; done", "", "sh: syntax error: unexpected \"done\"\n", 2),
                t("while true; do echo x", "", "sh: syntax error: unexpected end of file (expecting \"done\")\n", 2),
                t("if true; then echo", "", "sh: syntax error: unexpected end of file (expecting \"fi\")\n", 2),
                t("while true; done", "", "sh: syntax error: unexpected \"done\" (expecting \"do\")\n", 2),
                t("echo 'open", "", "sh: syntax error: unterminated quoted string\n", 2),
                t("echo a && ", "", "sh: syntax error: unexpected end of file\n", 2),
                t("; echo", "", "sh: syntax error: unexpected \";\"\n", 2),
                t("[ 1 -eq 1 ] && [ abc != x ] && [ -z '' ] && [ -n a ] && [ ! -d /etc/hostname ] && echo ok", "ok\n", "", 0),
                t("test 2 -gt 1; echo $?; [ -e /nope ]; echo $?", "0\n1\n", "", 0),
                t("date", "Mon Jan  5 09:00:00 UTC 2026\n", "", 0),
                t("sleep 2; date +%T", "09:00:02\n", "", 0),
                t("id; whoami; uname; uname -a | grep -q Linux && echo linux",
                        "uid=0(root) gid=0(root) groups=0(root),10(wheel)\nroot\nLinux\nlinux\n", "", 0),
                t("printf 'a\\nb\\nc\\n' > /tmp/l; head -n 2 /tmp/l; tail -1 /tmp/l; grep -v b /tmp/l", "a\nb\nc\na\nc\n", "", 0),
                t("grep -q zzz /etc/hostname; echo $?", "1\n", "", 0),
                // the text tools the session's pipes share with containers
                t("printf 'b 2\\na 10\\n' | sort -k2 -n | awk '{print $1}'", "b\na\n", "", 0),
                t("echo a:b:c | cut -d: -f2 | tr a-z A-Z", "B\n", "", 0),
                t("printf 'x\\nx\\ny\\n' | uniq -c | sed 's/^ *//'", "2 x\n1 y\n", "", 0),
                t("echo hi | tee /tmp/t > /dev/null; cat /tmp/t; grep -n -A1 h /tmp/t", "hi\n1:hi\n", "", 0),
                t("sleep abc", "", "sleep: invalid number 'abc'\n", 1),
                t("/bin/sleep 1 && /bin/echo done", "done\n", "", 0),
                t("echo ${UNSET:-default} ${#HOSTNAME}", "default 13\n", "", 0),
                t("touch /tmp/a.txt /tmp/b.txt; echo /tmp/*.txt", "/tmp/a.txt /tmp/b.txt\n", "", 0),
                t("# a comment\necho one # trailing\necho two", "one\ntwo\n", "", 0),
                t("(cd /tmp; X=1); pwd; echo \"[$X]\"", "/\n[]\n", "", 0),
                t("echo $((1/0))", "", "sh: divide by zero\n", 2),
                t("touch /tmp/h; echo abc > /tmp/i; ls -l /tmp; ls -a /root",
                        "total 4\n-rw-r--r--    1 root     root             0 Jan  5 09:00 h\n"
                                + "-rw-r--r--    1 root     root             4 Jan  5 09:00 i\n.\n..\n", "", 0),
                t("trap 'echo bye' TERM; trap", "trap -- 'echo bye' TERM\n", "", 0),
                // busybox's grep says perror's words for a file it cannot open, as GNU's does
                t("grep x /nope; echo $?", "2\n", "grep: /nope: No such file or directory\n", 0),
                t("mkdir -p /d/e && echo hit > /d/e/f && grep -r hit /d", "/d/e/f:hit\n", "", 0),
                t("awk 'function sq(x) { return x * x } BEGIN { print sq(7) }'", "49\n", "", 0),
                t("printf 'x\\ny\\n' | sed -e '1i top' -e 'y/xy/XY/'", "top\nX\nY\n", "", 0),
                // a spinning awk uses the steps of a busy loop and spins on: the one-minute bound stops it
                t("awk 'BEGIN { print \"start\"; while (1) n++ }'; echo never", "start\n", "", -1));
    }

    private static Arguments t(String script, String out, String err, int status) {
        return Arguments.of(script, out, err, status);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void runs(String script, String out, String err, int status) {
        ExecResult r = ShProcess.runToCompletion(List.of("sh", "-c", script), new FakeHost(), Duration.ofMinutes(1));
        assertEquals(out, r.stdout(), "stdout");
        assertEquals(err, r.stderr(), "stderr");
        assertEquals(status, r.exitCode(), "status");
    }
}
