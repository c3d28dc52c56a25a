package kubetutor.engine.session;

import kubetutor.engine.snapshot.JournalStep;
import kubetutor.engine.snapshot.SnapshotFormat;
import kubetutor.engine.workspace.Entry;
import kubetutor.engine.workspace.TextEditor;

import java.util.ArrayList;
import java.util.List;

/**
 * What moved the session's state since its fresh cluster, with the files its commands read: what
 * a snapshot saves and a failed command's rollback replays. It holds at most what a snapshot may
 * (64 MiB): past that it lets everything go (a learner reading 50 MB files again and again must
 * not fill the tutor's memory), and the session can no longer be saved or rolled back.
 */
final class Journal {
    private final List<JournalStep> steps = new ArrayList<>();
    private long size;
    private boolean overflowed;
    /** What serve did while the command at the prompt ran, or null when none runs. */
    private List<JournalStep.Meanwhile> meanwhile;

    Journal() {
    }

    Journal(List<JournalStep> steps) {
        steps.forEach(this::add);
    }

    void add(JournalStep step) {
        if (overflowed) {
            return;
        }
        long n = size(step);
        if (size + n > SnapshotFormat.MAX_SIZE) {
            overflowed = true;
            steps.clear();
            size = 0;
            return;
        }
        steps.add(step);
        size += n;
    }

    /**
     * A command starts at the prompt: what serve does until it ends is kept with it, at the instant
     * it happened ({@link #fromOutside}). Returns false when one already runs (the outer one keeps it).
     */
    boolean commandStarted() {
        if (meanwhile != null) {
            return false;
        }
        meanwhile = new ArrayList<>();
        return true;
    }

    /** The command ended: what happened meanwhile, for its step. */
    List<JournalStep.Meanwhile> commandEnded() {
        List<JournalStep.Meanwhile> m = meanwhile == null ? List.of() : meanwhile;
        meanwhile = null;
        return m;
    }

    /** What serve did: a step of its own, or part of the command running at the prompt. */
    void fromOutside(JournalStep step, java.time.Instant now) {
        if (meanwhile == null) {
            add(step);
        } else {
            meanwhile.add(new JournalStep.Meanwhile(now, step));
        }
    }

    /** Adds {@code step} now and returns where it is, for {@link #replace} to bring it up to date later. */
    int reserve(JournalStep step) {
        add(step);
        return steps.size() - 1;
    }

    /** Brings the step {@link #reserve} put at {@code index} up to date (a job's, as it goes). */
    void replace(int index, JournalStep step) {
        if (overflowed || index >= steps.size()) {
            return;
        }
        long n = size(step) - size(steps.get(index));
        if (size + n > SnapshotFormat.MAX_SIZE) {
            overflowed = true;
            steps.clear();
            size = 0;
            return;
        }
        steps.set(index, step);
        size += n;
    }

    /** The clock moved from outside again: consecutive movements are one. */
    void clockMoved(JournalStep.Clock step) {
        if (!steps.isEmpty() && steps.get(steps.size() - 1) instanceof JournalStep.Clock last) {
            steps.remove(steps.size() - 1);
            size -= size(last);
        }
        add(step);
    }

    List<JournalStep> steps() {
        return steps;
    }

    /** Whether it let go of its steps: no snapshot can be made any more. */
    boolean overflowed() {
        return overflowed;
    }

    private static long size(JournalStep step) {
        if (step instanceof JournalStep.Run r) {
            long n = r.command().length();
            for (Entry e : r.files().values()) {
                n += e instanceof Entry.File f ? f.text().length() : 64;
            }
            for (TextEditor.Outcome o : r.edits()) {
                n += o instanceof TextEditor.Saved s ? s.text().length() : 64;
            }
            for (JournalStep.Meanwhile m : r.meanwhile()) {
                n += size(m.step());
            }
            return n;
        }
        if (step instanceof JournalStep.Background b) {
            return size(b.run());
        }
        if (step instanceof JournalStep.Request r) {
            return r.path().length() + r.body().length() + 64;
        }
        if (step instanceof JournalStep.ExecOpen e) {
            return e.path().length() + e.query().toString().length() + 32;
        }
        if (step instanceof JournalStep.ExecInput i) {
            return i.text().length() + 32;
        }
        if (step instanceof JournalStep.Forward f) {
            return f.path().length() + f.userAgent().length() + 64;
        }
        return step instanceof JournalStep.Type t ? t.text().length() : 32;
    }
}
