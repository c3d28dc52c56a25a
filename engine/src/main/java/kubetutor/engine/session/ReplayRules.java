package kubetutor.engine.session;

import kubetutor.engine.lesson.Tutor;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.sim.Simulation;
import kubetutor.engine.snapshot.JournalStep;
import kubetutor.engine.snapshot.Snapshot;
import kubetutor.engine.snapshot.SnapshotException;

import kubetutor.engine.command.Variables;
import java.time.Instant;
import java.util.Set;

/**
 * What loading a snapshot may do: a snapshot is data someone else may have written, so its journal
 * replays the cluster's own commands only (kubectl and the simulator's), never the workspace's
 * (save, load, cd, cat, ...), and within bounds: it may not move the clock past the time it says
 * it was saved at, nor make the simulation do more than {@link #MAX_EVENTS} events' work.
 */
final class ReplayRules {
    /** What a replay runs; a name the session does not know was "not found" when recorded, and is skipped. */
    private static final Set<String> REPLAYED = Set.of("kubectl", "k", "sleep", "clock", "node", "cluster", "curl", "echo", "help",
            "export");
    /** A session's longest lessons schedule a few hundred thousand events; a million days of probes, far more. */
    static final long MAX_EVENTS = 5_000_000;

    private final Instant end;
    private final long eventsAtStart;
    private final Simulation sim;
    private String refusal;

    ReplayRules(Snapshot snapshot, Simulation sim) {
        this.end = snapshot.clock();
        this.sim = sim;
        this.eventsAtStart = sim.scheduled();
    }

    /** A snapshot whose journal contradicts itself (time going back, past its end) is refused before any replay. */
    static void check(Snapshot snapshot) throws SnapshotException {
        Instant last = Instant.MIN;
        for (JournalStep step : snapshot.journal()) {
            if (step instanceof JournalStep.Clock c) {
                if (c.until().isBefore(last) || c.until().isAfter(snapshot.clock())) {
                    throw new SnapshotException("damaged snapshot: its clock goes back, or past the time it was saved at");
                }
                last = c.until();
            }
        }
    }

    /**
     * Whether a command may run in a replay; throws {@link Refused} for a workspace command, which no
     * session records (a snapshot that has one was written by hand).
     */
    static boolean replays(String name) {
        // the text tools too: they read the files the journal recorded and write nothing while replaying
        if (REPLAYED.contains(name) || TextTools.NAMES.contains(name) || Variables.isAssignment(name)) { // POD=$(kubectl ...) sets what later steps expand
            return true;
        }
        if (Tutor.COMMANDS.contains(name) || SimCommands.specs().stream().anyMatch(s -> s.name().equals(name))) {
            throw new Refused("the snapshot runs '" + name + "': a snapshot replays only kubectl and the simulator's commands");
        }
        return false;
    }

    /** The front end's pacing of a replayed step, held within the snapshot's bounds. */
    Pacer bound(Pacer replay) {
        return new Pacer() {
            @Override
            public Instant advance(Instant now, Instant limit) {
                if (sim.scheduled() - eventsAtStart > MAX_EVENTS) {
                    refusal = "replaying the snapshot takes more than " + MAX_EVENTS + " events, more than kubetutor replays";
                    return null;
                }
                Instant allowed = replay.advance(now, limit);
                if (allowed != null && allowed.isAfter(end)) {
                    refusal = "the snapshot's commands run past the time it was saved at";
                    return null;
                }
                return allowed;
            }

            @Override
            public boolean followsWallClock() {
                return replay.followsWallClock();
            }
        };
    }

    /** Why the replay was stopped, or null when it was not. */
    String refusal() {
        return refusal;
    }

    /** A snapshot that asks for what no snapshot may do; the message is the learner's. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
