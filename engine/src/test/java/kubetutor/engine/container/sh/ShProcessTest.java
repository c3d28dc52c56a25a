package kubetutor.engine.container.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import kubetutor.engine.kubelet.ExecResult;
import kubetutor.engine.kubelet.HttpResult;
import org.junit.jupiter.api.Test;

/** Processes stepped through simulated time, as the engine drives them. */
class ShProcessTest {
    private final FakeHost host = new FakeHost();

    private static Step sleep(long seconds) {
        return new Step.Sleep(Duration.ofSeconds(seconds));
    }

    private ExecResult probe() {
        return ShProcess.runToCompletion(List.of("cat", "/tmp/healthy"), host, Duration.ofSeconds(1));
    }

    @Test
    void livenessExecExampleFromTheKubernetesDocs() {
        ShProcess p = ShProcess.start(List.of("/bin/sh", "-c",
                "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"), host);

        assertEquals(sleep(30), p.resume());
        assertEquals(new ExecResult(0, "", "", false), probe());

        host.advance(Duration.ofSeconds(30));
        assertEquals(sleep(600), p.resume());
        assertEquals(new ExecResult(1, "", "cat: can't open '/tmp/healthy': No such file or directory\n", false),
                probe());

        host.advance(Duration.ofSeconds(600));
        assertEquals(new Step.Exited(0), p.resume());
        assertEquals("", host.out.toString() + host.err);
    }

    @Test
    void loopResumesAcrossSleepsWhereItStopped() {
        ShProcess p = ShProcess.start(List.of("sh", "-c",
                "i=0; while [ $i -lt 3 ]; do echo \"tick $i $(date +%T)\"; sleep 5 && i=$((i+1)); done; echo end"), host);
        for (int i = 0; i < 3; i++) {
            assertEquals(sleep(5), p.resume());
            host.advance(Duration.ofSeconds(5));
        }
        assertEquals(new Step.Exited(0), p.resume());
        assertEquals("tick 0 09:00:00\ntick 1 09:00:05\ntick 2 09:00:10\nend\n", host.out.toString());
    }

    @Test
    void sleepsInsideNestedShellsAndSubstitutionsAreResumable() {
        ShProcess p = ShProcess.start(List.of("sh", "-c",
                "for n in 1 2; do sh -c 'sleep 1m; echo inner'; done; X=$(sleep 0.5; echo sub); echo $X"), host);
        assertEquals(sleep(60), p.resume());
        assertEquals(sleep(60), p.resume());
        assertEquals(new Step.Sleep(Duration.ofMillis(500)), p.resume());
        assertEquals(new Step.Exited(0), p.resume());
        assertEquals("inner\ninner\nsub\n", host.out.toString());
    }

    @Test
    void busyLoopYieldsInsteadOfHanging() {
        ShProcess p = ShProcess.start(List.of("sh", "-c", "while true; do :; done"), host);
        // Each busy slice is twice the last, up to five minutes: an hour of spinning costs a few dozen slices.
        for (long seconds : new long[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300}) {
            assertEquals(new Step.Sleep(Duration.ofSeconds(seconds), true), p.resume());
        }
        assertFalse(p.hasExited());
        assertEquals(new Step.Exited(137), p.kill());
    }

    @Test
    void aProcessThatSleepsIsNoLongerBusy() {
        ShProcess p = ShProcess.start(List.of("sh", "-c", "while true; do i=0; while [ $i -lt 5000 ]; do i=$((i+1)); done; sleep 1; done"), host);
        assertEquals(new Step.Sleep(Machine.BUSY_SLICE, true), p.resume());
        assertEquals(new Step.Sleep(Machine.BUSY_SLICE.multipliedBy(2), true), p.resume());
        assertEquals(sleep(1), p.resume());
        assertEquals(new Step.Sleep(Machine.BUSY_SLICE, true), p.resume());
    }

    @Test
    void whatAShellHoldsCountsAgainstItsMemory() {
        ShProcess p = ShProcess.start(List.of("sh", "-c", "x=a; while :; do x=$x$x; done"), host);
        assertEquals(new Step.Exited(137), p.resume());
        assertTrue(host.memory.killed());
        assertTrue(host.memory.used() == 0, "what the killed process held is free again");
    }

    @Test
    void filesWrittenCountToo() {
        ExecResult r = ShProcess.runToCompletion(List.of("sh", "-c",
                // 256 KiB in x, then files of as much: the fourth passes the host's 1 MiB.
                "x=0123456789abcdef; i=0; while [ $i -lt 14 ]; do x=$x$x; i=$((i+1)); done; echo $x > /tmp/a;"
                        + " echo $x > /tmp/b; echo files; echo $x > /tmp/c; echo $x > /tmp/d; echo done"),
                host, Duration.ofSeconds(10));
        assertEquals(137, r.exitCode());
        assertEquals("files\n", r.stdout());
    }

    @Test
    void aLongButFiniteComputationRunsToItsEnd() {
        ExecResult r = ShProcess.runToCompletion(List.of("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; echo $i"),
                host, Duration.ofHours(1));
        assertEquals(new ExecResult(0, "300000\n", "", false), r);
    }

    @Test
    void outputPastItsLimitStopsACommandRunToCompletion() {
        ExecResult r = ShProcess.runToCompletion(List.of("sh", "-c", "while :; do echo 0123456789; done"), host,
                Duration.ofHours(1));
        assertTrue(r.timedOut());
        assertTrue(r.stdout().length() <= ShProcess.OUTPUT_LIMIT);
    }

    @Test
    void execProbeTimesOutInSimulatedTime() {
        ExecResult r = ShProcess.runToCompletion(List.of("sh", "-c", "echo start; sleep 5; echo late"), host,
                Duration.ofSeconds(1));
        assertEquals(new ExecResult(-1, "start\n", "", true), r);
    }

    @Test
    void pid1IgnoresSigtermButNotSigkill() {
        ShProcess p = ShProcess.start(List.of("sleep", "3600"), host);
        assertEquals(sleep(3600), p.resume());
        assertFalse(p.terminate());
        assertFalse(p.hasExited());
        assertEquals(new Step.Exited(137), p.kill());
    }

    @Test
    void nonPid1ProcessDiesOnSigterm() {
        ShProcess p = ShProcess.exec(List.of("sleep", "3600"), host);
        p.resume();
        assertTrue(p.terminate());
        assertEquals(new Step.Exited(143), p.resume());
    }

    @Test
    void termTrapRunsWhenTheForegroundSleepReturns() {
        ShProcess p = ShProcess.start(List.of("sh", "-c",
                "trap 'echo caught; exit 0' TERM; while true; do sleep 10; done"), host);
        assertEquals(sleep(10), p.resume());
        assertFalse(p.terminate());
        assertEquals(new Step.Exited(0), p.resume());
        assertEquals("caught\n", host.out.toString());
    }

    @Test
    void execReplacesTheShellAndDropsItsTraps() {
        ShProcess p = ShProcess.start(List.of("sh", "-c", "trap 'exit 0' TERM; exec sleep 3600"), host);
        assertEquals(sleep(3600), p.resume());
        assertFalse(p.terminate());
        host.advance(Duration.ofSeconds(3600));
        assertEquals(new Step.Exited(0), p.resume());
    }

    @Test
    void logsGoToTheHostAndSyntaxErrorsExitWith2() {
        ShProcess p = ShProcess.start(List.of("/bin/sh", "-c", "echo hi; while true; do echo x; done; done"), host);
        assertEquals(new Step.Exited(2), p.resume());
        assertEquals("", host.out.toString());
        assertEquals("/bin/sh: syntax error: unexpected \"done\"\n", host.err.toString());
    }

    @Test
    void unknownExecutableIsReportedForTheRuntime() {
        assertFalse(ShProcess.isExecutable("nginxx", host.fs));
        assertTrue(ShProcess.isExecutable("/bin/sh", host.fs));
        ExecResult r = ShProcess.runToCompletion(List.of("nginxx"), host, Duration.ofSeconds(1));
        assertEquals(127, r.exitCode());
    }

    @Test
    void wgetAndCurlUseTheSimulatedNetwork() {
        host.names.put("web.default.svc.cluster.local", "10.96.0.11");
        host.names.put("down.default.svc.cluster.local", "10.96.0.12");
        host.web.put("10.96.0.11:80/", HttpResult.ok("hello\n"));
        host.web.put("10.96.0.11:80/missing", HttpResult.response(404, "nope"));
        ExecResult r = ShProcess.runToCompletion(List.of("sh", "-c",
                "wget -qO- web; wget -q -O- http://down/; wget -O /tmp/x -q web/missing; curl -s web/; curl -s nohost; echo $?"),
                host, Duration.ofSeconds(5));
        assertEquals("hello\nhello\n6\n", r.stdout());
        assertEquals("wget: can't connect to remote host (10.96.0.12): Connection refused\n"
                + "wget: server returned error: HTTP/1.1 404 Not Found\n", r.stderr());
    }

    @Test
    void fileSystemCopiesAreIndependent() {
        host.fs.write("/tmp/a", "1", host.now);
        VirtualFs snapshot = host.fs.copy();
        host.fs.remove("/tmp/a");
        assertTrue(snapshot.isFile("/tmp/a"));
        assertFalse(host.fs.exists("/tmp/a"));
    }
}
