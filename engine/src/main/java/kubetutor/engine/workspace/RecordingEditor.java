package kubetutor.engine.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An editor that notes what every opening gave back, in order: while recording it passes each edit
 * to the front end's editor; while replaying a snapshot it answers from the record, touching no file.
 */
public final class RecordingEditor implements TextEditor {
    private final TextEditor source;
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<Outcome> recorded;
    private int next;
    private boolean overrun;

    public RecordingEditor(TextEditor source) {
        this.source = source;
        this.recorded = null;
    }

    private RecordingEditor(List<Outcome> recorded) {
        this.source = null;
        this.recorded = List.copyOf(recorded);
    }

    /** An editor that gives back {@code recorded}, one outcome per opening. */
    public static RecordingEditor replaying(List<Outcome> recorded) {
        return new RecordingEditor(recorded);
    }

    @Override
    public Outcome edit(String prefix, String suffix, String text) {
        if (recorded == null) {
            Outcome o = source.edit(prefix, suffix, text);
            outcomes.add(o);
            return o;
        }
        if (next < recorded.size()) {
            return recorded.get(next++);
        }
        // A replay that opens the editor more often than recorded has drifted: finished() says so.
        overrun = true;
        return new Failed("the snapshot recorded no more edits");
    }

    /** While recording, the front end's editor under {@code environment}, noted here all the same. */
    @Override
    public TextEditor under(Map<String, String> environment) {
        if (recorded != null || environment.isEmpty()) {
            return this;
        }
        TextEditor inner = source.under(environment);
        return new TextEditor() {
            @Override
            public Outcome edit(String prefix, String suffix, String text) {
                Outcome o = inner.edit(prefix, suffix, text);
                outcomes.add(o);
                return o;
            }

            @Override
            public void remove(String path) {
                inner.remove(path);
            }
        };
    }

    @Override
    public void remove(String path) {
        if (recorded == null) {
            source.remove(path);
        }
    }

    /** What the editor gave back, in order (empty when it was never opened). */
    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Whether a replay used every recorded edit, and no more. */
    public boolean finished() {
        return recorded == null || next == recorded.size() && !overrun;
    }
}
