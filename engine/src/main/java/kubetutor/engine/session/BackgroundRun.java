package kubetutor.engine.session;

import kubetutor.engine.command.CommandInput;
import kubetutor.engine.output.Sink;
import kubetutor.engine.sim.Pacer;
import kubetutor.engine.snapshot.JournalStep;
import kubetutor.engine.workspace.DiskWorkspace;
import kubetutor.engine.workspace.RecordingEditor;
import kubetutor.engine.workspace.RecordingWorkspace;

import java.time.Instant;
import java.util.List;

/**
 * A background job's command, journaled where it starts (a {@link JournalStep.Background}) rather
 * than where it ends, since what comes after it happens while it runs; its step is brought up to
 * date each time the job waits, so a snapshot taken meanwhile has what it read so far.
 */
final class BackgroundRun {
    private BackgroundRun() {}

    static int run(Session s, CommandRunner runner, CommandInput c, Sink sink, Pacer pacer) {
        RecordingWorkspace files = new RecordingWorkspace(new DiskWorkspace(s.workspace, s.workDir()));
        RecordingEditor edits = new RecordingEditor(s.editor);
        Journal journal = s.journal;
        RecordingPacer[] recording = new RecordingPacer[1];
        Runnable update = new Runnable() {
            private final int index = journal.reserve(step(c, files, JournalStep.Pacing.IMMEDIATE, edits));

            @Override
            public void run() {
                journal.replace(index, step(c, files, recording[0].pacing(), edits));
            }
        };
        recording[0] = new RecordingPacer(new Pacer() {
            @Override
            public Instant advance(Instant now, Instant limit) {
                update.run(); // before the job waits: a snapshot may be taken meanwhile
                return pacer.advance(now, limit);
            }

            @Override
            public boolean followsWallClock() {
                return pacer.followsWallClock();
            }
        });
        try {
            return runner.run(c, sink, recording[0], files, edits, true);
        } finally {
            update.run();
        }
    }

    private static JournalStep.Background step(CommandInput c, RecordingWorkspace files, JournalStep.Pacing pacing, RecordingEditor edits) {
        return new JournalStep.Background(new JournalStep.Run(c.text(), files.seen(), pacing, edits.outcomes(), List.of()));
    }
}
