package kubetutor.engine.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The workspace on the host's disk, names read from directory {@code dir} in it. */
public record DiskWorkspace(WorkspaceRoot root, Path dir) implements Workspace {

    @Override
    public Entry look(String name) {
        Path p = root.resolve(dir, name);
        if (p == null || !Files.exists(p)) {
            return new Entry.Missing();
        }
        try {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    return new Entry.Directory(s.map(f -> f.getFileName().toString()).sorted().toList());
                }
            }
            // Bytes that are not UTF-8 read as U+FFFD, as Go keeps going with them, rather than failing the read.
            return new Entry.File(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Entry.Unreadable(String.valueOf(e.getMessage()));
        }
    }
}
