package kubetutor.engine.workspace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A workspace that remembers what each name held the first time a command looked, and answers the
 * same afterwards: while recording it wraps the disk, while replaying it starts from the record.
 */
public final class RecordingWorkspace implements Workspace {
    private final Workspace source;
    private final Map<String, Entry> seen = new LinkedHashMap<>();

    public RecordingWorkspace(Workspace source) {
        this.source = source;
    }

    /** A workspace that knows only {@code recorded}; any other name reads as missing. */
    public static RecordingWorkspace replaying(Map<String, Entry> recorded) {
        RecordingWorkspace w = new RecordingWorkspace(name -> new Entry.Missing());
        w.seen.putAll(recorded);
        return w;
    }

    @Override
    public Entry look(String name) {
        return seen.computeIfAbsent(name, source::look);
    }

    @Override
    public Optional<String> makeDirectories(String name) {
        seen.remove(name);
        return source.makeDirectories(name);
    }

    @Override
    public Optional<String> writeFile(String name, String text) {
        seen.remove(name);
        return source.writeFile(name, text);
    }

    /** Every name looked at, with what it held, in the order first asked. */
    public Map<String, Entry> seen() {
        return Collections.unmodifiableMap(seen);
    }
}
