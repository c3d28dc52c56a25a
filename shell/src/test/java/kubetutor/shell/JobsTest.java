package kubetutor.shell;

import kubetutor.engine.output.Output;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Background jobs on the simulated clock, whoever moves it: a job's loop answers at the very
 * simulated instants it asked for, between the foreground's commands, in any clock mode.
 */
class JobsTest {
    @TempDir
    Path dir;

    private final List<String> printed = new ArrayList<>();

    private Session session() throws Exception {
        Session s = new Session(new SessionOptions(1, null, dir));
        foreground(s, "kubectl run box --image=busybox -- sleep 3600");
        foreground(s, "sleep 10");
        printed.clear();
        return s;
    }

    private void foreground(Session s, String command) {
        printed.add("$ " + command);
        s.execute(command, o -> printed.add(text(o)), Pacer.IMMEDIATE);
    }

    private static String text(Output o) {
        return (o instanceof Output.Text t ? t.text() : o instanceof Output.Error e ? e.text() : o.toString()).stripTrailing();
    }

    @Test
    void aLoopInTheBackgroundAnswersOncePerSimulatedSecondOfTheForegroundsSleep() throws Exception {
        Session s = session();
        Jobs jobs = new Jobs(s);
        jobs.start("kubectl exec box -- sh -c 'while true; do date; sleep 1; done'", o -> printed.add(text(o)),
                notice -> printed.add(notice.stripTrailing()));
        foreground(s, "sleep 3");
        foreground(s, "kubectl get pod box -o name");
        assertEquals(List.of(
                "[1] " + jobs.current(0).orElseThrow().pid(),
                "Mon Jan  5 09:00:10 UTC 2026",
                "$ sleep 3",
                "Mon Jan  5 09:00:11 UTC 2026",
                "Mon Jan  5 09:00:12 UTC 2026",
                "Mon Jan  5 09:00:13 UTC 2026",
                "$ kubectl get pod box -o name",
                "pod/box"), printed);
        assertEquals("[1]+  Running                 kubectl exec box -- sh -c 'while true; do date; sleep 1; done' &\n", jobs.list());
        jobs.find("%1").orElseThrow().kill();
        assertEquals("[1]+  Terminated              kubectl exec box -- sh -c 'while true; do date; sleep 1; done'\n", jobs.takeEnded());
        assertEquals("", jobs.list());
    }

    @Test
    void endedJobsAreReportedOnceAsBashDoes() throws Exception {
        Session s = session();
        Jobs jobs = new Jobs(s);
        jobs.start("sleep 2", o -> printed.add(text(o)), notice -> {});
        jobs.start("sleep 60", o -> printed.add(text(o)), notice -> {});
        jobs.start("kubectl exec box -- sh -c 'sleep 1; exit 3'", o -> printed.add(text(o)), notice -> {});
        assertEquals("""
                [1]   Running                 sleep 2 &
                [2]-  Running                 sleep 60 &
                [3]+  Running                 kubectl exec box -- sh -c 'sleep 1; exit 3' &
                """, jobs.list());
        foreground(s, "sleep 5");
        assertEquals("""
                [1]   Done                    sleep 2
                [3]+  Exit 3                  kubectl exec box -- sh -c 'sleep 1; exit 3'
                """, jobs.takeEnded());
        assertEquals("", jobs.takeEnded());
        assertTrue(jobs.find("%2").isPresent() && jobs.find("%1").isEmpty());
        jobs.killAll();
    }

    @Test
    void bgFindsEveryJobRunningAlreadyAsBashSaysOfARunningOne() throws Exception {
        Session s = session();
        Jobs jobs = new Jobs(s);
        JobCommands commands = new JobCommands(jobs, done -> true);
        List<String> said = new ArrayList<>();
        assertEquals(1, commands.run(List.of("bg"), o -> said.add(text(o))));
        assertEquals(List.of("sh: bg: current: no such job"), said);
        jobs.start("sleep 60", o -> printed.add(text(o)), notice -> {});
        said.clear();
        assertEquals(1, commands.run(List.of("bg", "%1", "%2"), o -> said.add(text(o))));
        assertEquals(List.of("sh: bg: job 1 already in background", "sh: bg: %2: no such job"), said);
        said.clear();
        assertEquals(0, commands.run(List.of("bg", "1"), o -> said.add(text(o))));
        assertEquals(List.of("sh: bg: job 1 already in background"), said);
        said.clear();
        assertEquals(2, commands.run(List.of("bg", "-x"), o -> said.add(text(o))));
        assertEquals(List.of("sh: bg: -x: invalid option\nbg: usage: bg [job_spec ...]"), said);
        jobs.killAll();
    }

    /** Everything a load must give back: pods with their times, events, the clock, a container's file. */
    private static String state(Session s) {
        StringBuilder out = new StringBuilder();
        for (String c : List.of("kubectl get pods -o wide", "kubectl get events", "clock",
                "kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name} {.metadata.creationTimestamp}{\"\\n\"}{end}'",
                "kubectl exec box -- cat /tmp/ticks")) {
            s.execute(c, o -> out.append(text(o)).append('\n'), Pacer.IMMEDIATE);
        }
        return out.toString();
    }

    @Test
    void aSnapshotTakenWhileAJobRunsReplaysItAtItsOwnInstants() throws Exception {
        Session s = session();
        Jobs jobs = new Jobs(s);
        jobs.start("kubectl exec box -- sh -c 'for i in 1 2 3 4 5 6; do date >> /tmp/ticks; sleep 4; done'", o -> { }, n -> { });
        foreground(s, "sleep 5");
        jobs.start("kubectl run late --image=nginx", o -> { }, n -> { });
        foreground(s, "sleep 3");
        foreground(s, "kubectl run web --image=nginx");
        s.advance(java.time.Duration.ofSeconds(2)); // the prompt's realtime clock, between commands
        var saved = kubetutor.engine.snapshot.SnapshotFormat.write(s.snapshot()); // the first job still runs
        assertTrue(saved.contains("background: true"), saved);
        String live = state(s);
        assertTrue(live.contains("Mon Jan  5 09:00:10 UTC 2026\nMon Jan  5 09:00:14 UTC 2026\nMon Jan  5 09:00:18 UTC 2026\n"), live);

        Session loaded = new Session(new SessionOptions(1, null, dir));
        loaded.restore(kubetutor.engine.snapshot.SnapshotFormat.read(saved));
        assertEquals(live, state(loaded));
    }
}
