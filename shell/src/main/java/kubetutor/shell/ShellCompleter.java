package kubetutor.shell;

import kubetutor.engine.complete.Completer;
import kubetutor.engine.complete.Completion;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.List;

/** TAB in the shell: the engine's {@link Completer} (shared with the kernel) as JLine candidates. */
final class ShellCompleter implements org.jline.reader.Completer {
    private static final int DESCRIPTION_WIDTH = 60;
    private final Completer completer;
    private final EngineLock engine;

    /** @param engine held while the completer reads the cluster: a background job may be changing it */
    ShellCompleter(Completer completer, EngineLock engine) {
        this.completer = completer;
        this.engine = engine;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        Completion c = engine.call(() -> completer.complete(line.line(), line.cursor()));
        for (kubetutor.engine.complete.Candidate k : c.candidates()) {
            String d = k.description();
            // Flag help can run long; the list shows the gist.
            d = d.isEmpty() ? null : d.length() > DESCRIPTION_WIDTH ? d.substring(0, DESCRIPTION_WIDTH - 1) + "…" : d;
            candidates.add(new Candidate(k.value(), k.value(), null, d, null, null, k.complete()));
        }
    }
}
