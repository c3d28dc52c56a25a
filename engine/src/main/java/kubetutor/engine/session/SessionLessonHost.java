package kubetutor.engine.session;

import kubetutor.engine.command.CommandInput;
import kubetutor.engine.command.ScriptReader;
import kubetutor.engine.lesson.LessonHost;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.snapshot.Snapshot;
import kubetutor.engine.snapshot.SnapshotException;
import kubetutor.engine.workspace.DiskWorkspace;
import kubetutor.engine.workspace.TextEditor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lesson runtime's view of a session: its cluster, its checks, its snapshots, its workspace. */
final class SessionLessonHost implements LessonHost {
    private final Session session;

    SessionLessonHost(Session session) {
        this.session = session;
    }

    @Override
    public void freshCluster() {
        session.reset();
    }

    @Override
    public int setup(String command) {
        TextEditor learners = session.editor;
        session.editor = TextEditor.NONE; // nobody is at the editor for a command the lesson runs
        try {
            return session.runner.runAll(ScriptReader.read(command), Session.DISCARD, Pacer.IMMEDIATE);
        } finally {
            session.editor = learners;
        }
    }

    @Override
    public Path resolve(String name) {
        return session.resolve(name);
    }

    @Override
    public Optional<Snapshot> snapshot() {
        return session.snapshottable() ? Optional.of(session.snapshot()) : Optional.empty();
    }

    @Override
    public boolean restore(Snapshot snapshot) {
        try {
            session.restore(snapshot);
            return true;
        } catch (SnapshotException e) {
            return false;
        }
    }

    @Override
    public String query(String command) {
        List<CommandInput> commands = ScriptReader.read(command);
        CapturedStdout captured = new CapturedStdout(Session.DISCARD);
        // Straight to kubectl: a check is not the learner's command, so nothing settles or gets journaled.
        for (CommandInput c : commands) {
            // A check never opens the learner's editor.
            session.runner.runKubectl(c.words().subList(1, c.words().size()), session.variables.environment(Map.of()), c.stdin(), captured, Pacer.IMMEDIATE,
                    new DiskWorkspace(session.workspace, session.workDir()), TextEditor.NONE, false);
        }
        return captured.text();
    }

    @Override
    public Path workDir() {
        return session.workDir();
    }
}
