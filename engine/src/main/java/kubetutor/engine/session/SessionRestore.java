package kubetutor.engine.session;

import kubetutor.engine.snapshot.JournalStep;
import kubetutor.engine.snapshot.Snapshot;
import kubetutor.engine.snapshot.SnapshotException;

/**
 * Puts a session in the state a snapshot was taken in, by replaying its journal on a fresh cluster.
 * All or nothing: a replay that is refused, fails, or ends elsewhere than the snapshot says leaves
 * the session exactly as it was.
 */
final class SessionRestore {
    private static final String NOT_FAITHFUL = "the snapshot does not replay to the state it was saved in"
            + " (saved by another version of kubetutor?)";

    private final Session session;
    private final CommandRunner runner;

    SessionRestore(Session session, CommandRunner runner) {
        this.session = session;
        this.runner = runner;
    }

    void restore(Snapshot snapshot) throws SnapshotException {
        ReplayRules.check(snapshot);
        Session.Saved before = session.saved();
        try {
            session.startFrom(snapshot);
            session.replayedKubeconfig = null;
            ReplayRules rules = new ReplayRules(snapshot, session.cluster().sim());
            JournalReplay replay = new JournalReplay(session, runner);
            boolean faithful = true;
            try {
                for (JournalStep step : snapshot.journal()) {
                    faithful &= replay.replay(step, rules);
                    if (rules.refusal() != null) {
                        throw new SnapshotException(rules.refusal());
                    }
                }
            } finally {
                replay.stopJobs();
            }
            if (!faithful || !session.now().equals(snapshot.clock()) || session.cluster().rng().fingerprint() != snapshot.rng()) {
                throw new SnapshotException(NOT_FAITHFUL);
            }
            session.journal = new Journal(snapshot.journal());
            TutorHome.restore(session.workspace, session.replayedKubeconfig, session.cluster());
            session.replayedKubeconfig = null;
            if (session.tutorStarted() || snapshot.lesson() != null) {
                session.tutor().goTo(snapshot.lesson());
            }
        } catch (SnapshotException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            session.putBack(before);
            if (e instanceof ReplayRules.Refused r) {
                throw new SnapshotException(r.getMessage());
            }
            throw e instanceof SnapshotException se ? se : new SnapshotException(NOT_FAITHFUL);
        }
    }
}
