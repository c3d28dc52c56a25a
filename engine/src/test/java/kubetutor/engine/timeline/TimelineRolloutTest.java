package kubetutor.engine.timeline;

import kubetutor.engine.output.Output;
import kubetutor.engine.output.Timeline;
import kubetutor.engine.session.Session;
import kubetutor.engine.session.SessionOptions;
import kubetutor.engine.sim.Pacer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline of a real rolling update (10 replicas, maxSurge 25%, maxUnavailable 25%,
 * minReadySeconds 10) drawn from what the recorder saw: the bounds the strategy promises hold in
 * the picture, and minReadySeconds shows as the wait between a new pod's readiness and the next step.
 */
class TimelineRolloutTest {
    @TempDir
    Path work;

    private Session rolledOut() throws IOException {
        Session session = new Session(new SessionOptions(1, null, work));
        run(session, "kubectl create deployment web --image=gasbugs/http-go:v1 --replicas=10");
        run(session, "kubectl patch deploy web -p '{\"spec\": {\"minReadySeconds\": 10, \"strategy\": {\"rollingUpdate\":"
                + " {\"maxSurge\": \"25%\", \"maxUnavailable\": \"25%\"}}}}'");
        run(session, "sleep 30");
        run(session, "kubectl set image deploy web http-go=gasbugs/http-go:v2");
        run(session, "sleep 90");
        return session;
    }

    private static List<Output> run(Session session, String command) {
        List<Output> outputs = new ArrayList<>();
        session.execute(command, outputs::add, Pacer.IMMEDIATE);
        return outputs;
    }

    private static Timeline timeline(Session session, String command) {
        List<Output> outputs = run(session, command);
        assertEquals(1, outputs.size(), outputs.toString());
        return ((Output.TimelineOutput) outputs.get(0)).timeline();
    }

    @Test
    void everyPodOfBothRevisionsHasARow() throws IOException {
        Timeline t = timeline(rolledOut(), "timeline deploy/web");
        assertEquals(120, t.length());
        assertEquals(10, t.rows().stream().filter(r -> r.revision() == 1).count());
        assertEquals(10, t.rows().stream().filter(r -> r.revision() == 2).count());
        assertTrue(t.rows().stream().allMatch(r -> r.node().startsWith("worker")));
        // The old pods are gone by now; the new ones are ready up to the right edge.
        assertTrue(t.rows().stream().filter(r -> r.revision() == 1).allMatch(r -> r.stateAt(119) == null));
        assertTrue(t.rows().stream().filter(r -> r.revision() == 2).allMatch(r -> r.stateAt(119) == Timeline.State.READY));
    }

    @Test
    void theStrategysBoundsHoldAtEverySecond() throws IOException {
        Timeline t = timeline(rolledOut(), "timeline deploy/web");
        for (long s = 31; s < t.length(); s++) {
            long second = s;
            long pods = t.rows().stream().filter(r -> r.stateAt(second) != null).count();
            long ready = t.rows().stream().filter(r -> r.stateAt(second) == Timeline.State.READY).count();
            assertTrue(pods <= 13, "maxSurge 25% of 10 rounds up to 3: " + pods + " pods at " + s + "s");
            assertTrue(ready >= 8, "maxUnavailable 25% of 10 rounds down to 2: " + ready + " ready at " + s + "s");
        }
        long[] last = t.readyCounts().get(t.readyCounts().size() - 1);
        assertEquals(10, last[1]);
    }

    @Test
    void podsThatBeganTerminatingThisSecondAreNoLongerCountedReady() throws IOException {
        // As a notebook has it: the timeline drawn the moment rollout status returns, when the last
        // old pods have only just been told to stop.
        Session session = new Session(new SessionOptions(1, null, work));
        run(session, "kubectl create deployment web --image=gasbugs/http-go:v1 --replicas=10");
        run(session, "kubectl patch deploy web -p '{\"spec\": {\"minReadySeconds\": 10}}'");
        run(session, "kubectl rollout status deploy web");
        run(session, "kubectl set image deploy web http-go=gasbugs/http-go:v2");
        run(session, "kubectl rollout status deploy web");
        Timeline t = timeline(session, "timeline deploy/web");
        long justStopping = t.rows().stream().map(r -> r.spans().get(r.spans().size() - 1))
                .filter(sp -> sp.state() == Timeline.State.TERMINATING && sp.from() == t.length()).count();
        assertTrue(justStopping > 0, "some old pods begin terminating at the right edge");
        long[] last = t.readyCounts().get(t.readyCounts().size() - 1);
        assertEquals(10, last[1], "the new revision's ten, not the stopping pods as well");
    }

    @Test
    void theStepsAreTheControllersAndMinReadySecondsSpacesThem() throws IOException {
        Timeline t = timeline(rolledOut(), "timeline deploy/web");
        List<String> steps = t.steps().stream().map(Timeline.Step::message).toList();
        assertTrue(steps.get(0).matches("Scaled up replica set web-\\w+ from 0 to 10"), steps.get(0));
        assertTrue(steps.get(1).matches("Scaled up replica set web-\\w+ from 0 to 3"), steps.get(1));
        assertTrue(steps.get(steps.size() - 1).matches("Scaled down replica set web-\\w+ from \\d+ to 0"));
        // No old pod goes before a new one has been ready for minReadySeconds.
        long firstReady = t.rows().stream().filter(r -> r.revision() == 2)
                .mapToLong(r -> r.spans().stream().filter(sp -> sp.state() == Timeline.State.READY).findFirst().orElseThrow().from())
                .min().orElseThrow();
        long secondDown = t.steps().stream().filter(s -> s.message().startsWith("Scaled down")).skip(1).findFirst().orElseThrow().at();
        assertTrue(secondDown >= firstReady + 10, "ready at " + firstReady + "s, next scale-down at " + secondDown + "s");
    }

    @Test
    void sinceCutsTheLeftEdgeAndAReplicaSetShowsItsOwnPods() throws IOException {
        Session session = rolledOut();
        Timeline all = timeline(session, "timeline deploy/web");
        String newRs = all.rows().get(all.rows().size() - 1).pod().replaceAll("-\\w+$", "");
        Timeline rs = timeline(session, "timeline rs/" + newRs + " --since 1m");
        assertEquals(60, rs.length());
        assertEquals(10, rs.rows().size());
        assertTrue(rs.rows().stream().allMatch(r -> r.revision() == 2 && r.spans().get(0).from() == 0));
        assertEquals(List.of(), rs.steps());
    }

    @Test
    void aRestoredSnapshotDrawsTheSameTimeline() throws Exception {
        Session session = rolledOut();
        Timeline before = timeline(session, "timeline deploy/web");
        Session again = new Session(new SessionOptions(1, null, work));
        again.restore(session.snapshot());
        assertEquals(before, timeline(again, "timeline deploy/web"));
    }
}
